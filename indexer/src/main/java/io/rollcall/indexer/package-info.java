/** The indexer: consumes the ingest stream and owns every write to Elasticsearch. */
package io.rollcall.indexer;
