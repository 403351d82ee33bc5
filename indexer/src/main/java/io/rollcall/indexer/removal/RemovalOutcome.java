package io.rollcall.indexer.removal;

/** What a removal request did. */
public enum RemovalOutcome {

	/** The tombstone is in place and the contact's events and rollups are gone. */
	REMOVED,
	/**
	 * The contact holds a newer version than the removal: the removal is older news and
	 * was ignored.
	 */
	STALE

}
