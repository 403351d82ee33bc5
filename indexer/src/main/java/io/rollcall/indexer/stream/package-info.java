/**
 * The consumer-group loops over the ingest streams and their housekeeping: read, claim
 * from dead replicas, hand batches to {@code apply}, acknowledge, trim. It imports
 * {@code apply}, {@code backfill}, {@code retry} and the Redis client.
 */
package io.rollcall.indexer.stream;
