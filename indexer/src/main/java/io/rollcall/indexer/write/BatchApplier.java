package io.rollcall.indexer.write;

import io.rollcall.platform.UnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rollcall.indexer.deadletter.DeadLetter;
import io.rollcall.indexer.deadletter.DeadLetters;
import io.rollcall.indexer.notice.Notices;
import io.rollcall.indexer.progress.ProgressRollups;
import io.rollcall.indexer.removal.ContactKey;
import io.rollcall.indexer.removal.ContactRemover;
import io.rollcall.indexer.removal.RemovalOutcome;
import io.rollcall.indexer.removal.Tombstones;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Applies one batch of stream entries and says which of them may be acknowledged.
 *
 * <p>
 * Entries are applied in stream order where order matters: a removal splits the batch, so
 * events sent before a removal are written (and then deleted by it) and events sent after
 * it are dropped by its tombstone. Between removals, contacts are upserted first, then
 * events, all in bulk. After the writes: refresh the events index, take each tenant's
 * generation, recompute the touched rollups, refresh progress and contacts, and only then
 * publish notices, so that whatever a notice announces is already searchable. The stream
 * consumer acknowledges afterwards; a crash anywhere before that re-delivers the entries,
 * and every step is idempotent.
 */
@Component
public class BatchApplier {

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final EntryDecoder decoder;

	private final BulkWriter bulk;

	private final Retrier retrier;

	private final Tombstones tombstones;

	private final ContactRemover remover;

	private final ProgressRollups rollups;

	private final Notices notices;

	private final DeadLetters deadLetters;

	private final ProgramCatalogWriter catalog;

	private final MeterRegistry registry;

	private final Clock clock = Clock.systemUTC();

	BatchApplier(ElasticsearchClient client, IndexNames names, EntryDecoder decoder, BulkWriter bulk, Retrier retrier,
			Tombstones tombstones, ContactRemover remover, ProgressRollups rollups, Notices notices,
			DeadLetters deadLetters, ProgramCatalogWriter catalog, MeterRegistry registry) {
		this.client = client;
		this.names = names;
		this.decoder = decoder;
		this.bulk = bulk;
		this.retrier = retrier;
		this.tombstones = tombstones;
		this.remover = remover;
		this.rollups = rollups;
		this.notices = notices;
		this.deadLetters = deadLetters;
		this.catalog = catalog;
		this.registry = registry;
	}

	/**
	 * Applies {@code messages} and returns the ids of the entries that are done (applied,
	 * dropped or dead-lettered). The others had items that stayed unavailable and must
	 * stay pending.
	 */
	public List<String> apply(List<StreamMessage<String, String>> messages) {
		return apply(messages, false);
	}

	/**
	 * Applies entries of the backfill stream, exactly as live ones except that they are
	 * left out of the accept-to-visible lag: they waited behind live ingest and the rate
	 * cap on purpose.
	 */
	public List<String> applyBackfill(List<StreamMessage<String, String>> messages) {
		return apply(messages, true);
	}

	private List<String> apply(List<StreamMessage<String, String>> messages, boolean backfill) {
		List<String> done = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		for (StreamMessage<String, String> message : messages) {
			try {
				Entry entry = decoder.decode(message);
				entry.backfill = backfill;
				entries.add(entry);
			}
			catch (UndecodableEntryException e) {
				Map<String, String> fields = message.getBody() == null ? Map.of() : message.getBody();
				deadLetters.add(new DeadLetter(fields.getOrDefault("tenant", DeadLetter.UNKNOWN), message.getId(),
						fields.getOrDefault("kind", DeadLetter.UNKNOWN), e.getMessage(), fields.get("body")));
				done.add(message.getId());
			}
		}
		List<Entry> run = new ArrayList<>();
		for (Entry entry : entries) {
			if (entry.entry.kind() == EntryKind.CONTACT_REMOVALS) {
				applyWrites(run);
				run.clear();
				applyRemovals(entry);
			}
			else {
				run.add(entry);
			}
		}
		applyWrites(run);
		entries.stream().filter(entry -> !entry.unavailable).forEach(entry -> done.add(entry.streamId));
		return done;
	}

	private void applyWrites(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Map<String, Change> changes = new TreeMap<>();
		List<Entry.Item<Contact>> contacts = entries.stream().flatMap(entry -> entry.contacts.stream()).toList();
		if (!contacts.isEmpty()) {
			List<BulkOperation> upserts = contacts.stream().map(this::upsertContact).toList();
			List<Entry.Item<Contact>> landed = settle("contacts", contacts, bulk.write("contacts", upserts));
			landed.forEach(item -> change(changes, item.owner()).contacts.add(item.value().contactId()));
		}
		List<Entry.Item<Program>> programs = entries.stream().flatMap(entry -> entry.programs.stream()).toList();
		if (!programs.isEmpty()) {
			// A catalog change changes compliance and lesson lists: the tenant's
			// generation
			// must move, or the api's dashboard cache would keep answering without it.
			settle("programs", programs, bulk.write("programs", programs.stream().map(catalog::upsert).toList()))
				.forEach(item -> change(changes, item.owner()));
		}
		List<Entry.Item<InteractionEvent>> landed = writeEvents(
				entries.stream().flatMap(entry -> entry.events.stream()).toList());
		landed.forEach(item -> change(changes, item.owner()).touch(item.value()));
		try {
			if (!landed.isEmpty()) {
				refresh(names.events());
				changes.forEach((tenantId, change) -> recompute(tenantId, change, entries));
			}
			refresh(names.progress(), names.contacts(), names.programs());
		}
		catch (UnavailableException e) {
			entries.forEach(entry -> entry.unavailable = true);
		}
		publish(entries, changes);
	}

	/**
	 * Writes events whose contact is not removed. The tombstones are checked before the
	 * bulk (to drop late events) and again after it, for the contacts of the events that
	 * landed: a removal running concurrently on another replica may have written its
	 * tombstone in between. If so, either its point-in-time search saw our events (it
	 * refreshed after writing the tombstone, hence after our bulk) or our second check
	 * sees its tombstone and we delete them ourselves.
	 */
	private List<Entry.Item<InteractionEvent>> writeEvents(List<Entry.Item<InteractionEvent>> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		Set<ContactKey> removed;
		try {
			removed = tombstones.removed(events.stream().map(BatchApplier::contactOf).toList());
		}
		catch (UnavailableException e) {
			events.forEach(item -> item.owner().unavailable = true);
			return List.of();
		}
		List<Entry.Item<InteractionEvent>> kept = new ArrayList<>(events.size());
		for (Entry.Item<InteractionEvent> item : events) {
			if (removed.contains(contactOf(item))) {
				dropped(item);
			}
			else {
				kept.add(item);
			}
		}
		List<BulkOperation> upserts = kept.stream().map(this::upsertEvent).toList();
		List<Entry.Item<InteractionEvent>> landed = settle("events", kept, bulk.write("events", upserts));
		Set<ContactKey> removedSince;
		try {
			removedSince = tombstones.removed(landed.stream().map(BatchApplier::contactOf).toList());
		}
		catch (UnavailableException e) {
			landed.forEach(item -> item.owner().unavailable = true);
			return landed;
		}
		List<Entry.Item<InteractionEvent>> late = landed.stream()
			.filter(item -> removedSince.contains(contactOf(item)))
			.toList();
		if (!late.isEmpty()) {
			List<ItemResult> results = bulk.write("events", late.stream().map(this::deleteEvent).toList());
			for (int i = 0; i < late.size(); i++) {
				Entry.Item<InteractionEvent> item = late.get(i);
				if (results.get(i).outcome().isDone()) {
					item.owner().applied--;
					dropped(item);
				}
				else {
					item.owner().unavailable = true;
				}
			}
		}
		return landed;
	}

	private void recompute(String tenantId, Change change, List<Entry> entries) {
		if (change.contactsByProgram.isEmpty()) {
			return;
		}
		try {
			rollups.recompute(tenantId, notices.nextGeneration(tenantId), change.contactsByProgram);
		}
		catch (UnavailableException e) {
			entries.stream()
				.filter(entry -> entry.tenantId().equals(tenantId))
				.forEach(entry -> entry.unavailable = true);
		}
	}

	private void applyRemovals(Entry entry) {
		Map<String, Change> changes = new TreeMap<>();
		for (Entry.Item<ContactRemoval> item : entry.removals) {
			RemovalOutcome outcome;
			try {
				outcome = remover.remove(entry.tenantId(), item.value());
			}
			catch (UnavailableException e) {
				entry.unavailable = true;
				count("removals", "unavailable", 1);
				break;
			}
			entry.applied++;
			count("removals", outcome == RemovalOutcome.REMOVED ? "applied" : "already_applied", 1);
			if (outcome == RemovalOutcome.REMOVED) {
				change(changes, entry).removed.add(item.value().contactId());
			}
		}
		publish(List.of(entry), changes);
	}

	/**
	 * Records each item's result; returns the items that are now in the index (new or
	 * already there).
	 */
	private <T> List<Entry.Item<T>> settle(String kind, List<Entry.Item<T>> items, List<ItemResult> results) {
		List<Entry.Item<T>> landed = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Entry.Item<T> item = items.get(i);
			ItemResult result = results.get(i);
			switch (result.outcome()) {
				case APPLIED, NOT_FOUND, ALREADY_APPLIED -> {
					item.owner().applied++;
					landed.add(item);
				}
				case REJECTED -> {
					deadLetters.add(new DeadLetter(item.owner().tenantId(), item.owner().streamId,
							item.owner().entry.kind().name(), result.reason(), decoder.json(item.value())));
					item.owner().rejected++;
				}
				case UNAVAILABLE -> item.owner().unavailable = true;
			}
			count(kind, result.outcome().name().toLowerCase(Locale.ROOT), 1);
		}
		return landed;
	}

	private void dropped(Entry.Item<InteractionEvent> item) {
		item.owner().dropped++;
		count("events", "dropped", 1);
	}

	private void count(String kind, String outcome, int items) {
		registry.counter("rollcall.indexer.items", "kind", kind, "outcome", outcome).increment(items);
	}

	/**
	 * Publishes once everything is searchable. The generation in the change notice is
	 * bumped after the last refresh: an api cache entry keyed by it can only hold data
	 * read after this batch became visible (the bump taken for the rollups came before
	 * the progress refresh). It is bumped before the applied notices go out, so a client
	 * whose write returned reads that generation or a later one, never one whose cache
	 * entries may predate its write.
	 */
	private void publish(List<Entry> entries, Map<String, Change> changes) {
		Map<String, Long> generations = new TreeMap<>();
		changes.keySet().forEach(tenantId -> generations.put(tenantId, notices.nextGeneration(tenantId)));
		Instant now = clock.instant();
		for (Entry entry : entries) {
			if (!entry.unavailable && !entry.backfill) {
				lag(entry.entry.kind()).record(Duration.between(entry.entry.acceptedAt(), now));
			}
			if (entry.entry.ticket() != null) {
				notices.applied(new AppliedNotice(entry.entry.ticket(), !entry.unavailable, entry.applied,
						entry.clientReason()));
			}
		}
		changes.forEach((tenantId, change) -> notices.changed(new ChangeNotice(tenantId, generations.get(tenantId),
				change.contactsByProgram.keySet(), change.contacts, change.removed)));
	}

	private Timer lag(EntryKind kind) {
		return Timer.builder("rollcall.indexer.visible.lag")
			.description("From the api accepting a write to the write being searchable")
			.tag("kind", kind.name().toLowerCase(Locale.ROOT))
			.publishPercentileHistogram()
			.register(registry);
	}

	private BulkOperation upsertEvent(Entry.Item<InteractionEvent> item) {
		String tenantId = item.owner().tenantId();
		InteractionEvent event = item.value();
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.events())
			.id(EventDocument.id(tenantId, event.eventId()))
			.routing(tenantId)
			.version(event.effectiveRevision())
			.versionType(VersionType.External)
			.document(EventDocument.source(tenantId, event, item.owner().entry.acceptedAt()))));
	}

	private BulkOperation deleteEvent(Entry.Item<InteractionEvent> item) {
		String tenantId = item.owner().tenantId();
		return BulkOperation.of(operation -> operation.delete(delete -> delete.index(names.events())
			.id(EventDocument.id(tenantId, item.value().eventId()))
			.routing(tenantId)));
	}

	private BulkOperation upsertContact(Entry.Item<Contact> item) {
		String tenantId = item.owner().tenantId();
		Contact contact = item.value();
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.contacts())
			.id(ContactDocument.id(tenantId, contact.contactId()))
			.routing(tenantId)
			.version(contact.version())
			.versionType(VersionType.External)
			.document(ContactDocument.source(tenantId, contact, clock.instant()))));
	}

	private void refresh(String... indices) {
		retrier.call("refresh", () -> client.indices().refresh(refresh -> refresh.index(List.of(indices))));
	}

	private static ContactKey contactOf(Entry.Item<InteractionEvent> item) {
		return new ContactKey(item.owner().tenantId(), item.value().contactId());
	}

	private static Change change(Map<String, Change> changes, Entry entry) {
		return changes.computeIfAbsent(entry.tenantId(), tenant -> new Change());
	}

	/** What one batch changed for one tenant. */
	private static final class Change {

		final Map<String, Set<String>> contactsByProgram = new LinkedHashMap<>();

		final Set<String> contacts = new TreeSet<>();

		final Set<String> removed = new HashSet<>();

		void touch(InteractionEvent event) {
			contactsByProgram.computeIfAbsent(event.programId(), program -> new HashSet<>()).add(event.contactId());
			contacts.add(event.contactId());
		}

	}

}
