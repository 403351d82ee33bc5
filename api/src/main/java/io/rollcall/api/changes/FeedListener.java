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

	/** The feed cannot go on (its log lost entries under it); the listener is dropped. */
	void fail(RuntimeException reason);

}
