/**
 * The dead-letter stream: what Elasticsearch refused for good, kept with its reason for a
 * human to look at.
 */
package io.rollcall.indexer.deadletter;
