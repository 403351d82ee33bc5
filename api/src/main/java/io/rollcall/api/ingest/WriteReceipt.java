package io.rollcall.api.ingest;

/**
 * The answer to a write: how many items were accepted and which consistency was reached.
 */
record WriteReceipt(int accepted, Consistency consistency) {
}
