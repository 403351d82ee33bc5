/**
 * Applies a batch of stream entries: bulk upserts of events and contacts, failure
 * classification, retries.
 */
package io.rollcall.indexer.write;
