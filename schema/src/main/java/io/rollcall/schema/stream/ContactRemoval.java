package io.rollcall.schema.stream;

/**
 * A request to remove a contact and all its events; the tombstone gets {@code version}.
 */
public record ContactRemoval(String contactId, long version) {
}
