/**
 * Contact removal: tombstones, deleting a contact's events and rollups, and dropping late
 * events.
 */
package io.rollcall.indexer.removal;
