/**
 * Writing interaction events: idempotent upserts ordered by revision, and the tombstone
 * checks that drop the events of removed contacts. It imports {@code bulk}, {@code retry}
 * and {@code removal} (for the tombstones).
 */
package io.rollcall.indexer.events;
