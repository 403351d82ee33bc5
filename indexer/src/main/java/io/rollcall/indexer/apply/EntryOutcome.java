package io.rollcall.indexer.apply;

/**
 * What became of one entry of a batch, as a waiting client is told.
 *
 * @param entry the entry
 * @param applied every item is applied, dropped or dead-lettered: the entry may be
 * acknowledged
 * @param items the items now in the indices
 * @param reason why some items were not applied, safe to show to the client; {@code null}
 * when all were
 */
record EntryOutcome(DecodedEntry entry, boolean applied, int items, String reason) {
}
