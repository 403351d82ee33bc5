package io.rollcall.api.ingest;

/**
 * The answer to a removal, given once the contact and its events are gone from every
 * query.
 */
record RemovalReceipt(String contactId, boolean removed) {
}
