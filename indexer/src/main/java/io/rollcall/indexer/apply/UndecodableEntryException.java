package io.rollcall.indexer.apply;

/**
 * A stream entry that cannot be read: it is dead-lettered whole and acknowledged, never
 * retried.
 */
class UndecodableEntryException extends Exception {

	UndecodableEntryException(String message) {
		super(message);
	}

}
