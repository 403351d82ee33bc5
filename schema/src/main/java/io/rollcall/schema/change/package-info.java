/**
 * The change log: what became visible for a tenant, in order, with a cursor per entry.
 * The indexer appends it after the refresh that made a change searchable; the api serves
 * it to CRM integrations (the {@code changes} subscription and query) and to live
 * dashboard tiles. Both sides read and write entries with {@link ChangeLogEntry}.
 */
package io.rollcall.schema.change;
