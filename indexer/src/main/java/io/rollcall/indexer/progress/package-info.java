/**
 * Per-(tenant, program, contact) progress rollups, recomputed from events after each
 * applied batch.
 */
package io.rollcall.indexer.progress;
