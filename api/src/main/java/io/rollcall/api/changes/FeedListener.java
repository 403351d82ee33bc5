package io.rollcall.api.changes;

/**
 * What a tenant's reader hands its entries to: a subscriber's buffer, or a live tile's
 * trigger. Called by one reader at a time, in log order.
 */
interface FeedListener {

	/**
	 * Called once, when the listener joins, with the position from which the reader will
	 * offer it entries (every entry after it).
	 */
	void joinedAt(String position);

	/**
	 * Offers the next entry of the log.
	 * @return {@code false} to leave the feed (the listener is done)
	 */
	boolean offer(LoggedEntry entry);

	/**
	 * Called after each read's entries were offered: the listener has everything the log
	 * held a moment ago (a burst written at once arrives in one read).
	 */
	default void caughtUp() {
	}

	/** The feed cannot go on (its log lost entries under it); the listener is dropped. */
	void fail(RuntimeException reason);

}
