/**
 * Loading history: an NDJSON loader feeding the backfill stream, the rate cap on
 * consuming it, and progress.
 */
package io.rollcall.indexer.backfill;
