package io.rollcall.indexer.apply;

import io.lettuce.core.StreamMessage;
import io.rollcall.indexer.apply.DecodedEntry.Item;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.deadletter.DeadLetter;
import io.rollcall.indexer.removal.RemovalOutcome;
import io.rollcall.schema.stream.StreamEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What became of the items of each entry of one batch: the only place that state changes.
 * An entry is done, and may be acknowledged, once no item of it is left unavailable:
 * every item is applied, already applied, dropped or dead-lettered. Everything recorded
 * is also written down in the {@link Ledger}.
 */
final class Tally {

	/** What a waiting client is told when storage stayed unavailable: no internals. */
	static final String UNAVAILABLE_REASON = "storage is temporarily unavailable; the write is kept and will be applied later";

	private final Ledger ledger;

	/** Per stream id, in batch order: the entry's counts. */
	private final Map<String, Counts> entries = new LinkedHashMap<>();

	Tally(Ledger ledger) {
		this.ledger = ledger;
	}

	/** Starts counting {@code entry}. */
	void track(DecodedEntry entry) {
		entries.put(entry.streamId(), new Counts(entry.items().size()));
	}

	/**
	 * An entry that cannot be read: dead-lettered whole, and done (retrying cannot help).
	 */
	void undecodable(StreamMessage<String, String> message, String reason) {
		Map<String, String> fields = message.getBody() == null ? Map.of() : message.getBody();
		ledger.deadLetter(new DeadLetter(fields.getOrDefault("tenant", DeadLetter.UNKNOWN), message.getId(),
				fields.getOrDefault("kind", DeadLetter.UNKNOWN), reason, fields.get("body")));
		entries.put(message.getId(), new Counts(message.getBody() == null ? 1 : StreamEntry.declaredItems(fields)));
	}

	/**
	 * Records the result of each of {@code items} (parallel lists), dead-letters the
	 * refused ones, and returns the items that are now in the index.
	 */
	<T> List<Item<T>> settle(String kind, List<Item<T>> items, List<ItemResult> results) {
		List<Item<T>> landed = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Item<T> item = items.get(i);
			ItemResult result = results.get(i);
			Counts counts = counts(item.entry());
			switch (result.outcome()) {
				case APPLIED, ALREADY_APPLIED, NOT_FOUND -> {
					counts.applied++;
					landed.add(item);
				}
				case DROPPED -> counts.dropped++;
				case REJECTED -> {
					ledger.deadLetter(item.entry(), item.value(), result.reason());
					counts.rejected++;
				}
				case UNAVAILABLE -> counts.unavailable = true;
			}
			ledger.count(kind, item.entry().tenantId(), result.outcome().name().toLowerCase(Locale.ROOT));
		}
		return landed;
	}

	/** Records one removal of {@code entry}. */
	void removed(DecodedEntry entry, RemovalOutcome outcome) {
		counts(entry).applied++;
		ledger.count("removals", entry.tenantId(), outcome == RemovalOutcome.REMOVED ? "applied" : "already_applied");
	}

	/** The removals of {@code entry} could not all be done: it stays pending. */
	void removalsUnavailable(DecodedEntry entry) {
		counts(entry).unavailable = true;
		ledger.count("removals", entry.tenantId(), "unavailable");
	}

	/**
	 * What {@code entries} wrote could not be made searchable (or rolled up): they stay
	 * pending.
	 */
	void unavailable(Collection<DecodedEntry> entries) {
		entries.forEach(entry -> counts(entry).unavailable = true);
	}

	EntryOutcome outcome(DecodedEntry entry) {
		Counts counts = counts(entry);
		return new EntryOutcome(entry, !counts.unavailable, counts.applied, counts.clientReason());
	}

	/** The entries that may be acknowledged, in batch order. */
	List<DoneEntry> done() {
		List<DoneEntry> done = new ArrayList<>();
		entries.forEach((streamId, counts) -> {
			if (!counts.unavailable) {
				done.add(new DoneEntry(streamId, counts.items));
			}
		});
		return done;
	}

	private Counts counts(DecodedEntry entry) {
		return entries.get(entry.streamId());
	}

	/** The counts of one entry. */
	private static final class Counts {

		final int items;

		int applied;

		int dropped;

		int rejected;

		boolean unavailable;

		Counts(int items) {
			this.items = items;
		}

		/**
		 * What a waiting client is told about items that were not applied; {@code null}
		 * when all were.
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

	}

}
