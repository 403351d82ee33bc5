package io.rollcall.indexer.stream;

import io.lettuce.core.StreamMessage;
import io.rollcall.schema.stream.StreamEntry;
import java.util.List;

/**
 * One stream as one consumer loop consumes it. Only that loop's thread touches it.
 */
final class Source implements AutoCloseable {

	final String name;

	final ConsumerGroup group;

	/** The backfill stream rather than the live one. */
	final boolean backfill;

	/**
	 * This consumer has read entries it has not acknowledged: apply those before reading
	 * new ones. True at start: what this name left pending before a restart is re-read
	 * first.
	 */
	boolean recovering = true;

	/**
	 * Recovering because of an outage (logged once when it starts and once when it ends).
	 */
	boolean paused;

	/**
	 * The last read returned entries (backfill: do not wait on the live stream in
	 * between).
	 */
	boolean busy;

	/**
	 * Items per entry in the last read. It starts high so that the first read takes one
	 * entry: entries of 1,000 items must not be read 5,000 at a time.
	 */
	private double itemsPerEntry = Double.MAX_VALUE;

	Source(String name, ConsumerGroup group, boolean backfill) {
		this.name = name;
		this.group = group;
		this.backfill = backfill;
	}

	/** How many entries to read for about {@code items} items (at least one). */
	int entriesFor(int items) {
		return (int) Math.max(1, Math.min(items, Math.floor(items / itemsPerEntry)));
	}

	/** Remembers the items per entry of {@code read}; returns its items. */
	int learn(List<StreamMessage<String, String>> read) {
		int items = itemsIn(read);
		if (!read.isEmpty()) {
			itemsPerEntry = Math.max(1, (double) items / read.size());
		}
		return items;
	}

	/**
	 * The items {@code messages} declare (see {@link StreamEntry#declaredItems}); one for
	 * an entry deleted from the stream since it was read.
	 */
	static int itemsIn(List<StreamMessage<String, String>> messages) {
		int items = 0;
		for (StreamMessage<String, String> message : messages) {
			items += message.getBody() == null ? 1 : StreamEntry.declaredItems(message.getBody());
		}
		return items;
	}

	@Override
	public void close() {
		group.close();
	}

}
