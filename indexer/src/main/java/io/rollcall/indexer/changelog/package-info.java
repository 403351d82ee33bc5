/**
 * The change log's writing side: after a run of entries became searchable, what it
 * changed is appended to each tenant's log (events as stored, reps' rollups, compliance
 * moves, removals), and retention trims the logs by age and size without ever leaving a
 * silent gap. The api serves the logs (see {@code io.rollcall.schema.change}).
 */
package io.rollcall.indexer.changelog;
