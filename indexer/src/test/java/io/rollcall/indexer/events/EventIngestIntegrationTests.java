package io.rollcall.indexer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.lettuce.core.StreamMessage;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.EntryKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DevStackTest
class EventIngestIntegrationTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private IndexerHarness indexer;

	@BeforeEach
	void start(DevStack stack) {
		indexer = IndexerHarness.start(stack);
	}

	@AfterEach
	void stop() {
		indexer.close();
	}

	@Test
	void eventsLandWithTenantScopedIdsAndRoutingAndAreSearchableWhenNoticed() throws IOException {
		List<InteractionEvent> events = List.of(event("e1", "c1", EventType.LESSON_STARTED, null),
				event("e2", "c1", EventType.LESSON_COMPLETED, null), event("e3", "c2", EventType.LESSON_STARTED, null));

		AppliedNotice notice = indexer.apply(EntryKind.EVENTS, "acme", events);

		assertThat(notice.applied()).isTrue();
		assertThat(notice.items()).isEqualTo(3);
		assertThat(notice.reason()).isNull();
		// No refresh here: the notice promises the events are searchable already.
		SearchResponse<Map<String, Object>> hits = indexer.searchEvents("acme", Query.of(q -> q.matchAll(m -> m)));
		assertThat(hits.hits().hits()).extracting(hit -> hit.id())
			.containsExactlyInAnyOrder("acme/e1", "acme/e2", "acme/e3");
		assertThat(hits.hits().hits()).allSatisfy(hit -> assertThat(hit.routing()).isEqualTo("acme"));
		Map<String, Object> source = indexer.getEvent("acme", "e1").source();
		assertThat(source).containsEntry(EventDocument.TENANT_ID, "acme")
			.containsEntry(EventDocument.CONTACT_ID, "c1")
			.containsEntry(EventDocument.TYPE, "LESSON_STARTED")
			.containsKey(EventDocument.INGESTED_AT);
		assertThat(indexer.changes).anySatisfy(change -> {
			assertThat(change.tenantId()).isEqualTo("acme");
			assertThat(change.contactIds()).contains("c1", "c2");
			assertThat(change.generation()).isPositive();
		});
	}

	@Test
	void correctionsEndAtTheHighestRevisionWhateverTheArrivalOrder() throws IOException {
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", 3, true)));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", 1, false)));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", 2, false)));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", 5, true), quiz("q1", 4, false)));

		GetResponse<Map<String, Object>> doc = indexer.getEvent("acme", "q1");
		assertThat(doc.version()).isEqualTo(5);
		assertThat(doc.source()).containsEntry(EventDocument.REVISION, 5).containsEntry(EventDocument.CORRECT, true);
		assertThat(indexer.counter("rollcall.ingest.events", "kind", "events", "outcome", "already_applied"))
			.isEqualTo(3);
	}

	@Test
	void theSameEventSentThreeTimesIsOneDocument() {
		InteractionEvent event = event("dup", "c1", EventType.LESSON_STARTED, null);
		for (int i = 0; i < 3; i++) {
			assertThat(indexer.apply(EntryKind.EVENTS, "acme", List.of(event)).applied()).isTrue();
		}

		assertThat(indexer.countEvents("acme")).isEqualTo(1);
		assertThat(indexer.counter("rollcall.ingest.events", "kind", "events", "outcome", "applied")).isEqualTo(1);
		assertThat(indexer.counter("rollcall.ingest.events", "kind", "events", "outcome", "already_applied"))
			.isEqualTo(2);
	}

	@Test
	void anItemElasticsearchRefusesIsDeadLetteredAndTheRestOfTheBatchLands() {
		// Valid for the contract (attributes is any object), refused by the flattened
		// field's depth limit (20).
		Map<String, Object> deep = new HashMap<>();
		Map<String, Object> level = deep;
		for (int i = 0; i < 25; i++) {
			Map<String, Object> next = new HashMap<>();
			level.put("k", next);
			level = next;
		}
		level.put("k", "v");
		InteractionEvent poison = new InteractionEvent("poison", "c1", "prog-1", "lesson-1", EventType.LESSON_STARTED,
				AT, null, null, null, null, null, deep);
		List<InteractionEvent> batch = new ArrayList<>();
		batch.add(event("ok-1", "c1", EventType.LESSON_STARTED, null));
		batch.add(poison);
		batch.add(event("ok-2", "c2", EventType.LESSON_STARTED, null));

		AppliedNotice notice = indexer.apply(EntryKind.EVENTS, "acme", batch);

		assertThat(notice.applied()).isTrue();
		assertThat(notice.items()).isEqualTo(2);
		assertThat(notice.reason()).contains("1 item(s) refused");
		assertThat(indexer.countEvents("acme")).isEqualTo(2);
		List<StreamMessage<String, String>> letters = indexer.redis.xrange(indexer.keys.deadLetterStream(),
				io.lettuce.core.Range.create("-", "+"));
		assertThat(letters).singleElement().satisfies(letter -> {
			assertThat(letter.getBody()).containsEntry("tenant", "acme").containsEntry("kind", "EVENTS");
			assertThat(letter.getBody().get("reason")).contains("depth");
			assertThat(letter.getBody().get("item")).contains("\"eventId\":\"poison\"");
		});
		assertThat(indexer.pendingCount()).isZero();
	}

	@Test
	void anEntryThatCannotBeDecodedIsDeadLetteredAndAcknowledged() {
		String id = indexer
			.sendRaw(Map.of("kind", "EVENTS", "tenant", "acme", "accepted_at", "1", "body", "[{\"eventId\":"));

		await().atMost(IndexerHarness.TIMEOUT)
			.untilAsserted(() -> assertThat(
					indexer.redis.xrange(indexer.keys.deadLetterStream(), io.lettuce.core.Range.create("-", "+")))
				.singleElement()
				.satisfies(letter -> {
					assertThat(letter.getBody()).containsEntry("entry_id", id).containsEntry("tenant", "acme");
					assertThat(letter.getBody().get("reason")).contains("malformed JSON");
				}));
		await().atMost(IndexerHarness.TIMEOUT).until(() -> indexer.pendingCount() == 0);
	}

	private static InteractionEvent event(String id, String contact, EventType type, Long revision) {
		return new InteractionEvent(id, contact, "prog-1", "lesson-1", type, AT, null, null, null, null, revision,
				null);
	}

	private static InteractionEvent quiz(String id, long revision, boolean correct) {
		return new InteractionEvent(id, "c1", "prog-1", "lesson-1", EventType.QUIZ_ANSWERED, AT, null, "question-1",
				correct, correct ? 100.0 : 0.0, revision, null);
	}

}
