package io.rollcall.indexer.deadletter;

/**
 * Where items Elasticsearch refused for good (or entries that cannot be read) are set
 * aside for a human. An interface so that the decisions that dead-letter are unit-tested
 * without Redis.
 */
public interface DeadLetters {

	/** Keeps {@code letter}; returns once it is stored. */
	void add(DeadLetter letter);

}
