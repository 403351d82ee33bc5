package io.rollcall.indexer.apply;

/**
 * Whether a batch's entries are read for the first time, or again: read back from this
 * consumer's pending entries after a failure, or claimed from a replica that stopped. An
 * entry read again may have been written, in part or whole, and not logged.
 */
public enum Delivery {

	/** New entries, never handed to a consumer before. */
	FIRST,

	/** Entries handed to a consumer before that did not acknowledge them. */
	AGAIN

}
