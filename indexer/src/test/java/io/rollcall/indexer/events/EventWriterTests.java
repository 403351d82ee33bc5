package io.rollcall.indexer.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.indexer.bulk.FakeBulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.bulk.ItemResult.Outcome;
import io.rollcall.indexer.removal.ContactKey;
import io.rollcall.indexer.removal.FakeTombstones;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWriterTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private final List<String> log = new ArrayList<>();

	private final FakeBulkWriter bulk = new FakeBulkWriter(log);

	private final FakeTombstones tombstones = new FakeTombstones();

	private final EventWriter writer = new EventWriter(bulk, tombstones, new IndexNames("test-"));

	@Test
	void eventsOfARemovedContactAreDroppedWithoutBeingWritten() {
		tombstones.removed.add(new ContactKey("acme", "gone"));

		List<ItemResult> results = writer.write(List.of(event("e1", "gone"), event("e2", "stays")));

		assertThat(results).extracting(ItemResult::outcome).containsExactly(Outcome.DROPPED, Outcome.APPLIED);
		assertThat(log).containsExactly("index acme/e2");
	}

	@Test
	void anEventWhoseContactIsRemovedWhileItIsWrittenIsDeletedAgainAndDropped() {
		// A removal on another replica writes its tombstone between our check and our
		// bulk.
		bulk.onIndex(id -> tombstones.removed.add(new ContactKey("acme", "racing")));

		List<ItemResult> results = writer.write(List.of(event("e1", "racing"), event("e2", "stays")));

		assertThat(results).extracting(ItemResult::outcome).containsExactly(Outcome.DROPPED, Outcome.APPLIED);
		assertThat(log).containsExactly("index acme/e1", "index acme/e2", "delete acme/e1");
	}

	@Test
	void anEventDeletedAgainWhileElasticsearchIsAwayStaysUnavailable() {
		bulk.onIndex(id -> tombstones.removed.add(new ContactKey("acme", "racing")));
		bulk.answer("delete acme/e1", ItemResult.unavailable("503"));

		assertThat(writer.write(List.of(event("e1", "racing")))).extracting(ItemResult::outcome)
			.containsExactly(Outcome.UNAVAILABLE);
	}

	@Test
	void whenTheTombstonesCannotBeReadNothingIsWrittenAndEveryEventIsUnavailable() {
		tombstones.unavailable = true;

		assertThat(writer.write(List.of(event("e1", "c1"), event("e2", "c2")))).extracting(ItemResult::outcome)
			.containsExactly(Outcome.UNAVAILABLE, Outcome.UNAVAILABLE);
		assertThat(log).isEmpty();
	}

	@Test
	void theBulkResultsOfEventsThatLandedAreKept() {
		bulk.answer("index acme/e1", ItemResult.ALREADY_APPLIED)
			.answer("index acme/e2", new ItemResult(Outcome.REJECTED, "document_parsing_exception: too deep"));

		assertThat(writer.write(List.of(event("e1", "c1"), event("e2", "c1")))).extracting(ItemResult::outcome)
			.containsExactly(Outcome.ALREADY_APPLIED, Outcome.REJECTED);
	}

	private static TenantEvent event(String id, String contact) {
		return new TenantEvent("acme", new InteractionEvent(id, contact, "prog-1", "lesson-1", EventType.LESSON_STARTED,
				AT, null, null, null, null, null, null), AT);
	}

}
