package io.rollcall.indexer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.indexer.bulk.FakeBulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.changelog.TenantChanges;
import io.rollcall.indexer.bulk.ItemResult.Outcome;
import io.rollcall.indexer.deadletter.DeadLetter;
import io.rollcall.indexer.events.EventWriter;
import io.rollcall.indexer.removal.ContactKey;
import io.rollcall.indexer.removal.ContactRemover;
import io.rollcall.indexer.removal.FakeTombstones;
import io.rollcall.indexer.removal.RemovalOutcome;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decisions of a batch, without Elasticsearch or Redis: the bulk, the tombstones, the
 * removals, the refreshes and notices and the dead letters are fakes, the decoding, the
 * cutting at removals, the event writer and the tally are the real ones. The integration
 * tests prove the real writes.
 */
class BatchApplierTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final List<String> log = new ArrayList<>();

	private final FakeBulkWriter bulk = new FakeBulkWriter(log);

	private final FakeTombstones tombstones = new FakeTombstones();

	private final FakeRemover remover = new FakeRemover();

	private final FakeVisibility visibility = new FakeVisibility();

	private final List<DeadLetter> deadLetters = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final BatchApplier applier = new BatchApplier(
			new EntryDecoder(validation.getValidator()), new DocumentWriter(bulk,
					new EventWriter(bulk, tombstones, new IndexNames("test-")), new IndexNames("test-")),
			remover, visibility, new Ledger(deadLetters::add, registry));

	private int nextId;

	@AfterEach
	void close() {
		validation.close();
	}

	@Test
	void aRemovalCutsTheBatchSoEventsBeforeItAreWrittenFirstAndEventsAfterItAreDropped() {
		List<StreamMessage<String, String>> batch = List.of(events(event("before", "c1")),
				entry(EntryKind.CONTACT_REMOVALS, List.of(new ContactRemoval("c1", 0))), events(event("after", "c1")));

		List<DoneEntry> done = applier.apply(batch, Delivery.FIRST);

		assertThat(log).containsExactly("index acme/before", "remove acme/c1");
		assertThat(done).extracting(DoneEntry::streamId).containsExactly("1-0", "2-0", "3-0");
		assertThat(visibility.announced).extracting(outcome -> outcome.entry().streamId())
			.containsExactly("1-0", "2-0", "3-0");
		assertThat(visibility.outcome("3-0").items()).isZero();
		assertThat(visibility.outcome("3-0").reason()).isEqualTo("1 item(s) dropped because their contact is removed");
	}

	@Test
	void eventsOfATombstonedContactAreDroppedCountedAndReportedAndTheRestLands() {
		tombstones.removed.add(new ContactKey("acme", "gone"));

		List<DoneEntry> done = applier
			.apply(List.of(events(event("g1", "gone"), event("g2", "gone"), event("ok", "stays"))), Delivery.FIRST);

		assertThat(log).containsExactly("index acme/ok");
		assertThat(done).extracting(DoneEntry::streamId).containsExactly("1-0");
		EntryOutcome outcome = visibility.outcome("1-0");
		assertThat(outcome.applied()).isTrue();
		assertThat(outcome.items()).isEqualTo(1);
		assertThat(outcome.reason()).isEqualTo("2 item(s) dropped because their contact is removed");
		assertThat(registry.counter("rollcall.indexer.items", "kind", "events", "outcome", "dropped").count())
			.isEqualTo(2);
		assertThat(visibility.searchable).singleElement()
			.satisfies(changes -> assertThat(changes.tenants()).containsExactly("acme"));
	}

	@Test
	void entriesWhoseItemsAreAppliedAlreadyAppliedOrRejectedAreAcknowledgedAndUnavailableOnesAreNot() {
		bulk.answer("index acme/again", ItemResult.ALREADY_APPLIED)
			.answer("index acme/refused", new ItemResult(Outcome.REJECTED, "document_parsing_exception: too deep"))
			.answer("index acme/away", ItemResult.unavailable("es_rejected_execution_exception"));

		List<DoneEntry> done = applier.apply(
				List.of(events(event("new", "c1")), events(event("again", "c1")),
						events(event("refused", "c1"), event("fine", "c2")), events(event("away", "c1"))),
				Delivery.FIRST);

		assertThat(done).extracting(DoneEntry::streamId).containsExactly("1-0", "2-0", "3-0");
		assertThat(visibility.outcome("1-0"))
			.extracting(EntryOutcome::applied, EntryOutcome::items, EntryOutcome::reason)
			.containsExactly(true, 1, null);
		assertThat(visibility.outcome("2-0"))
			.extracting(EntryOutcome::applied, EntryOutcome::items, EntryOutcome::reason)
			.containsExactly(true, 1, null);
		assertThat(visibility.outcome("3-0"))
			.extracting(EntryOutcome::applied, EntryOutcome::items, EntryOutcome::reason)
			.containsExactly(true, 1, "1 item(s) refused by storage and set aside for review");
		assertThat(visibility.outcome("4-0"))
			.extracting(EntryOutcome::applied, EntryOutcome::items, EntryOutcome::reason)
			.containsExactly(false, 0, Tally.UNAVAILABLE_REASON);
		assertThat(deadLetters).singleElement().satisfies(letter -> {
			assertThat(letter.tenantId()).isEqualTo("acme");
			assertThat(letter.entryId()).isEqualTo("3-0");
			assertThat(letter.kind()).isEqualTo("EVENTS");
			assertThat(letter.reason()).isEqualTo("document_parsing_exception: too deep");
			assertThat(letter.item()).contains("\"eventId\":\"refused\"");
		});
	}

	@Test
	void droppedAndRefusedItemsAreBothToldToTheClient() {
		tombstones.removed.add(new ContactKey("acme", "gone"));
		bulk.answer("index acme/refused", new ItemResult(Outcome.REJECTED, "mapper_parsing_exception: no"));

		applier.apply(List.of(events(event("g1", "gone"), event("refused", "c1"))), Delivery.FIRST);

		assertThat(visibility.outcome("1-0").reason()).isEqualTo(
				"1 item(s) dropped because their contact is removed; 1 item(s) refused by storage and set aside for review");
	}

	@Test
	void anEntryThatCannotBeDecodedIsDeadLetteredWholeAndAcknowledgedWithoutHoldingBackTheOthers() {
		StreamMessage<String, String> broken = new StreamMessage<>("live", "1-0",
				Map.of("kind", "EVENTS", "tenant", "acme", "accepted_at", "1", "items", "1", "body", "[{\"eventId\":"));
		nextId = 1;

		List<DoneEntry> done = applier.apply(List.of(broken, events(event("fine", "c1"))), Delivery.FIRST);

		assertThat(done).containsExactly(new DoneEntry("1-0", 1), new DoneEntry("2-0", 1));
		assertThat(deadLetters).singleElement().satisfies(letter -> {
			assertThat(letter.entryId()).isEqualTo("1-0");
			assertThat(letter.tenantId()).isEqualTo("acme");
			assertThat(letter.reason()).startsWith("malformed JSON body");
			assertThat(letter.item()).isEqualTo("[{\"eventId\":");
		});
		assertThat(log).containsExactly("index acme/fine");
	}

	@Test
	void whenWhatARunWroteCannotBeMadeSearchableNoneOfItIsAcknowledged() {
		visibility.refreshFails = true;

		List<DoneEntry> done = applier.apply(List.of(events(event("e1", "c1")), events(event("e2", "c2"))),
				Delivery.FIRST);

		assertThat(done).isEmpty();
		assertThat(visibility.announced).extracting(EntryOutcome::applied).containsExactly(false, false);
	}

	@Test
	void whenATenantsRollupsCannotBeRecomputedOnlyThatTenantsEntriesStayPending() {
		visibility.failingTenants.add("globex");

		List<DoneEntry> done = applier.apply(
				List.of(events(event("e1", "c1")), entry("globex", EntryKind.EVENTS, List.of(event("e2", "c2")))),
				Delivery.FIRST);

		assertThat(done).extracting(DoneEntry::streamId).containsExactly("1-0");
	}

	@Test
	void aRemovalThatStaysUnavailableLeavesItsEntryPendingAndStopsThere() {
		remover.unavailable.add("c2");

		List<DoneEntry> done = applier.apply(List.of(entry(EntryKind.CONTACT_REMOVALS,
				List.of(new ContactRemoval("c1", 0), new ContactRemoval("c2", 0), new ContactRemoval("c3", 0)))),
				Delivery.FIRST);

		assertThat(done).isEmpty();
		assertThat(log).containsExactly("remove acme/c1", "remove acme/c2");
		assertThat(visibility.outcome("1-0")).extracting(EntryOutcome::applied, EntryOutcome::reason)
			.containsExactly(false, Tally.UNAVAILABLE_REASON);
	}

	private StreamMessage<String, String> events(InteractionEvent... events) {
		return entry(EntryKind.EVENTS, List.of(events));
	}

	private StreamMessage<String, String> entry(EntryKind kind, List<?> items) {
		return entry("acme", kind, items);
	}

	private StreamMessage<String, String> entry(String tenantId, EntryKind kind, List<?> items) {
		String id = ++nextId + "-0";
		return new StreamMessage<>("live", id,
				new StreamEntry(kind, tenantId, "ticket-" + id, AT, items.size(), JSON.writeValueAsString(items))
					.toFields());
	}

	private static InteractionEvent event(String id, String contact) {
		return new InteractionEvent(id, contact, "prog-1", "lesson-1", EventType.LESSON_STARTED, AT, null, null, null,
				null, null, null);
	}

	/** Removes by writing a tombstone the event writer then sees; logs each removal. */
	private final class FakeRemover implements ContactRemover {

		final Set<String> unavailable = new HashSet<>();

		@Override
		public RemovalOutcome remove(String tenantId, ContactRemoval removal) {
			log.add("remove " + tenantId + "/" + removal.contactId());
			if (unavailable.contains(removal.contactId())) {
				throw new UnavailableException("remove failed: Elasticsearch is away", Duration.ofSeconds(1), null);
			}
			tombstones.removed.add(new ContactKey(tenantId, removal.contactId()));
			return RemovalOutcome.REMOVED;
		}

	}

	@Test
	void theChangeLogGetsNewEventsAndARedeliverysAlreadyStoredOnesToCheck() {
		bulk.answer("index acme/dup", ItemResult.ALREADY_APPLIED);

		applier.apply(List.of(events(event("new", "c1"), event("dup", "c1"))), Delivery.FIRST);
		applier.apply(List.of(events(event("dup", "c1"))), Delivery.AGAIN);

		assertThat(visibility.searchable).hasSize(2);
		assertThat(forLog(visibility.searchable.get(0))).satisfies(first -> {
			assertThat(first.applied()).extracting(InteractionEvent::eventId).containsExactly("new");
			assertThat(first.reapplied()).isEmpty();
		});
		assertThat(forLog(visibility.searchable.get(1))).satisfies(again -> {
			assertThat(again.applied()).isEmpty();
			assertThat(again.reapplied()).extracting(InteractionEvent::eventId).containsExactly("dup");
		});
	}

	private static TenantChanges forLog(Changes changes) {
		List<TenantChanges> tenants = new ArrayList<>();
		changes.forEach((tenantId, change) -> tenants.add(change.toLog(tenantId)));
		return tenants.getFirst();
	}

	/** Records what it is asked to make searchable and to announce. */
	private static final class FakeVisibility implements Visibility {

		final List<Changes> searchable = new ArrayList<>();

		final List<EntryOutcome> announced = new ArrayList<>();

		final Set<String> failingTenants = new HashSet<>();

		boolean refreshFails;

		@Override
		public Set<String> makeSearchable(Changes changes) {
			if (refreshFails) {
				throw new UnavailableException("refresh failed: Elasticsearch is away", Duration.ofSeconds(1), null);
			}
			searchable.add(changes);
			return failingTenants;
		}

		@Override
		public void announce(List<EntryOutcome> outcomes, Changes changes) {
			announced.addAll(outcomes);
		}

		EntryOutcome outcome(String streamId) {
			return announced.stream()
				.filter(outcome -> outcome.entry().streamId().equals(streamId))
				.findFirst()
				.orElseThrow();
		}

	}

}
