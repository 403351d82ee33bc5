/**
 * The change log of a tenant as clients read it: the {@code changes} subscription (replay
 * from a cursor, then live) and the {@code changes} query (pages), both filtered by kind,
 * program, rep and the caller's scope. One reader per tenant and api instance tails the
 * tenant's log (a Redis stream the indexer appends, see {@code schema/.../change}) and
 * fans it out to that tenant's subscribers; live dashboard tiles watch it too.
 */
package io.rollcall.api.changes;
