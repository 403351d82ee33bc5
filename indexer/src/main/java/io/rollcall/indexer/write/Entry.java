package io.rollcall.indexer.write;

import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.StreamEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded stream entry and what became of its items so far. It is acknowledged only
 * when no item is left {@link #unavailable}: every item is applied, already applied,
 * dropped or dead-lettered.
 */
final class Entry {

	/** What a waiting client is told when storage stayed unavailable: no internals. */
	static final String UNAVAILABLE_REASON = "storage is temporarily unavailable; the write is kept and will be applied later";

	final String streamId;

	final StreamEntry entry;

	final List<Item<InteractionEvent>> events = new ArrayList<>();

	final List<Item<Contact>> contacts = new ArrayList<>();

	final List<Item<ContactRemoval>> removals = new ArrayList<>();

	final List<Item<Program>> programs = new ArrayList<>();

	int applied;

	int dropped;

	int rejected;

	boolean unavailable;

	/** Read from the backfill stream rather than the live one. */
	boolean backfill;

	Entry(String streamId, StreamEntry entry) {
		this.streamId = streamId;
		this.entry = entry;
	}

	String tenantId() {
		return entry.tenantId();
	}

	int size() {
		return events.size() + contacts.size() + removals.size() + programs.size();
	}

	/**
	 * What a waiting client is told about items that were not applied; {@code null} when
	 * all were.
	 */
	String clientReason() {
		if (unavailable) {
			return UNAVAILABLE_REASON;
		}
		List<String> parts = new ArrayList<>();
		if (dropped > 0) {
			parts.add(dropped + " item(s) dropped because their contact is removed");
		}
		if (rejected > 0) {
			parts.add(rejected + " item(s) refused by storage and set aside for review");
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	/** One item of an entry. */
	record Item<T>(Entry owner, T value) {
	}

}
