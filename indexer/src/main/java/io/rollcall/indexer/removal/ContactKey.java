package io.rollcall.indexer.removal;

/** A contact of a tenant. */
public record ContactKey(String tenantId, String contactId) {
}
