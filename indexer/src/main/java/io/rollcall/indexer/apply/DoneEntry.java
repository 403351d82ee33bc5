package io.rollcall.indexer.apply;

/**
 * An entry of a batch that may be acknowledged: every item of it is applied, dropped or
 * dead-lettered.
 *
 * @param streamId its id in the stream
 * @param items the items it carried (decoded; as declared when it could not be decoded)
 */
public record DoneEntry(String streamId, int items) {
}
