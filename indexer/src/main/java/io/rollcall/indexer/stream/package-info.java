/**
 * The consumer-group loop over the ingest stream: read, claim from dead replicas, apply,
 * acknowledge.
 */
package io.rollcall.indexer.stream;
