/**
 * The one retry and back-off policy of the indexer: which failures are transient
 * (Elasticsearch 429 and 5xx, transport and I/O errors, Redis connection loss and
 * timeouts), how often they are retried and how long to pause in between. The lowest
 * package: it imports no other package of the indexer.
 */
package io.rollcall.indexer.retry;
