/**
 * The Elasticsearch client, built from the shared {@code rollcall.elasticsearch.*} keys,
 * and its health.
 */
package io.rollcall.indexer.elasticsearch;
