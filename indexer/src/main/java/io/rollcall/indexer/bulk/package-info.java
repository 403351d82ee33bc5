/**
 * Writing to Elasticsearch at the lowest level: bulk requests with every item's result
 * classified, and refreshes, both under the retry policy. It imports only {@code retry}.
 */
package io.rollcall.indexer.bulk;
