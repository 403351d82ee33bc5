package io.rollcall.indexer.apply;

import io.rollcall.schema.stream.StreamEntry;
import java.util.List;

/**
 * A stream entry read back into records.
 *
 * @param streamId its id in the stream
 * @param header what the entry says about its items: kind, tenant, ticket, accepted at
 * @param items the records of its body, all of the type its kind names
 * @param backfill read from the backfill stream rather than the live one
 * @param delivery whether it is read for the first time or again
 */
record DecodedEntry(String streamId, StreamEntry header, List<?> items, boolean backfill, Delivery delivery) {

	String tenantId() {
		return header.tenantId();
	}

	/**
	 * Its items of type {@code type}: all of them, or none when it holds another kind.
	 */
	<T> List<Item<T>> items(Class<T> type) {
		return items.stream().filter(type::isInstance).map(value -> new Item<>(this, type.cast(value))).toList();
	}

	/**
	 * One item of an entry.
	 *
	 * @param entry the entry it came in
	 * @param value the item
	 */
	record Item<T>(DecodedEntry entry, T value) {
	}

}
