package io.rollcall.indexer.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeKind;
import io.rollcall.schema.change.ChangeLogEntry;
import io.rollcall.schema.change.ComplianceMove;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change log as the indexer writes it, against the real Elasticsearch and Redis. */
@DevStackTest
class ChangeLogIntegrationTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private IndexerHarness indexer;

	@AfterEach
	void stop() {
		if (indexer != null) {
			indexer.close();
		}
	}

	@Test
	void eventsAreLoggedAsStoredAndOnlyWhenTheyChangeSomething(DevStack stack) {
		indexer = IndexerHarness.start(stack);
		indexer.apply(EntryKind.EVENTS, "acme",
				List.of(quiz("q1", "c1", 1, false), started("s1", "c1", "l-1"), started("s2", "c2", "l-1")));
		// A duplicate and an older revision change nothing; a correction does.
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", "c1", 1, false), quiz("q1", "c1", 0, true)));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", "c1", 2, true)));

		List<Change> log = log(stack, "acme");

		assertThat(events(log)).extracting(event -> event.eventId() + "@" + event.effectiveRevision())
			.containsExactly("q1@1", "s1@0", "s2@0", "q1@2");
		assertThat(events(log).getLast()).isEqualTo(quiz("q1", "c1", 2, true));
		// Each batch logs its events, then the rollups of the reps they touched; the
		// batch of a duplicate and an older revision logs nothing.
		assertThat(log).extracting(change -> change.kind() + " " + change.contactId())
			.containsExactly("EVENT_APPLIED c1", "EVENT_APPLIED c1", "EVENT_APPLIED c2", "PROGRESS_CHANGED c1",
					"PROGRESS_CHANGED c2", "EVENT_APPLIED c1", "PROGRESS_CHANGED c1");
		Change lastProgress = log.getLast();
		assertThat(lastProgress.contactId()).isEqualTo("c1");
		assertThat(lastProgress.progress().quizAccuracy()).isEqualTo(1.0);
		assertThat(lastProgress.progress().complianceStatus()).isNull();
		assertThat(log(stack, "other")).isEmpty();
	}

	@Test
	void complianceMovesAreLoggedWhenTheyHappenAndOnlyThen(DevStack stack) {
		indexer = IndexerHarness.start(stack);
		indexer.apply(EntryKind.PROGRAMS, "acme",
				List.of(new Program("prog-1", "Onboarding", List.of("l-1", "l-2"), AT.plus(Duration.ofDays(3650)))));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(completed("a", "c1", "l-1")));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(started("b", "c1", "l-2")));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(completed("c", "c1", "l-2")));

		assertThat(moves(log(stack, "acme"))).containsExactly(
				Map.entry("c1", new ComplianceMove(null, ComplianceStatus.NON_COMPLIANT)),
				Map.entry("c1", new ComplianceMove(ComplianceStatus.NON_COMPLIANT, ComplianceStatus.COMPLIANT)));
		assertThat(log(stack, "acme")).filteredOn(change -> change.kind() == ChangeKind.PROGRESS_CHANGED)
			.extracting(change -> change.progress().complianceStatus())
			.containsExactly(ComplianceStatus.NON_COMPLIANT, ComplianceStatus.NON_COMPLIANT,
					ComplianceStatus.COMPLIANT);
	}

	@Test
	void aNewCatalogAndAPassedDueDateMoveRepsWithoutAnyEvent(DevStack stack) {
		indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.change-log.due-date-sweep-interval", "200ms"));
		indexer.apply(EntryKind.PROGRAMS, "acme",
				List.of(new Program("prog-1", null, List.of("l-1"), AT.plus(Duration.ofDays(3650)))));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(completed("a", "c1", "l-1"), started("b", "c2", "l-1")));
		// l-2 becomes required, due a second ago: c1 is no longer compliant, and both are
		// late.
		indexer.apply(EntryKind.PROGRAMS, "acme",
				List.of(new Program("prog-1", null, List.of("l-1", "l-2"), Instant.now().minusSeconds(1))));

		await().atMost(IndexerHarness.TIMEOUT)
			.untilAsserted(() -> assertThat(moves(log(stack, "acme"))).containsExactly(
					Map.entry("c1", new ComplianceMove(null, ComplianceStatus.COMPLIANT)),
					Map.entry("c2", new ComplianceMove(null, ComplianceStatus.NON_COMPLIANT)),
					Map.entry("c1", new ComplianceMove(ComplianceStatus.COMPLIANT, ComplianceStatus.OVERDUE)),
					Map.entry("c2", new ComplianceMove(ComplianceStatus.NON_COMPLIANT, ComplianceStatus.OVERDUE))));
	}

	@Test
	void aRemovalIsLoggedAndNothingOfTheRepFollowsIt(DevStack stack) {
		indexer = IndexerHarness.start(stack);
		indexer.apply(EntryKind.EVENTS, "acme", List.of(started("a", "c1", "l-1"), started("b", "c2", "l-1")));
		indexer.apply(EntryKind.CONTACT_REMOVALS, "acme", List.of(new ContactRemoval("c1", 1)));
		indexer.apply(EntryKind.EVENTS, "acme", List.of(started("late", "c1", "l-2"), started("c", "c2", "l-2")));

		List<Change> log = log(stack, "acme");
		int removal = log.indexOf(Change.contactRemoved("c1",
				log.stream()
					.filter(change -> change.kind() == ChangeKind.CONTACT_REMOVED)
					.findFirst()
					.orElseThrow()
					.appliedAt()));
		assertThat(removal).isPositive();
		assertThat(log.subList(removal + 1, log.size())).isNotEmpty()
			.allSatisfy(change -> assertThat(change.contactId()).isEqualTo("c2"));
	}

	@Test
	void retentionRemovesOldEntriesAndRaisesTheFloorBeyondThem(DevStack stack) {
		indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.change-log.max-length", "3",
				"rollcall.indexer.change-log.trim-interval", "100ms"));
		indexer.apply(EntryKind.EVENTS, "acme",
				List.of(started("a", "c1", "l-1"), started("b", "c1", "l-2"), started("c", "c1", "l-3")));
		String key = indexer.keys.changeLog("acme");

		await().atMost(IndexerHarness.TIMEOUT).until(() -> indexer.redis.xlen(key) == 3);
		List<StreamMessage<String, String>> kept = indexer.redis.xrange(key, Range.create("-", "+"));
		String floor = indexer.redis.get(indexer.keys.changeLogFloor("acme"));
		assertThat(floor).isNotNull();
		// The floor is the newest entry removed: older than every entry kept.
		assertThat(io.rollcall.schema.change.ChangeCursor.compare(floor, kept.getFirst().getId())).isNegative();
		assertThat(kept).extracting(message -> ChangeLogEntry.kind(message.getBody()))
			.containsExactly(ChangeKind.EVENT_APPLIED, ChangeKind.EVENT_APPLIED, ChangeKind.PROGRESS_CHANGED);
	}

	@Test
	void aRedeliveryLogsOnlyTheEventsStoredAtTheirOwnRevision(DevStack stack) {
		indexer = IndexerHarness.start(stack);
		indexer.apply(EntryKind.EVENTS, "acme", List.of(quiz("q1", "c1", 2, true)));
		StoredRevisions revisions = indexer.context.getBean(StoredRevisions.class);

		// q1@2 is stored as is; q1@1 was superseded; "gone" was never stored (or
		// removed).
		assertThat(revisions.storedAsIs("acme",
				List.of(quiz("q1", "c1", 1, false), quiz("q1", "c1", 2, true), quiz("gone", "c1", 0, true))))
			.containsExactly(quiz("q1", "c1", 2, true));
	}

	private List<Change> log(DevStack stack, String tenantId) {
		return indexer.redis.xrange(indexer.keys.changeLog(tenantId), Range.create("-", "+"))
			.stream()
			.map(message -> ChangeLogEntry.change(message.getBody()))
			.toList();
	}

	private static List<InteractionEvent> events(List<Change> log) {
		return log.stream().filter(change -> change.kind() == ChangeKind.EVENT_APPLIED).map(Change::event).toList();
	}

	private static List<Map.Entry<String, ComplianceMove>> moves(List<Change> log) {
		return log.stream()
			.filter(change -> change.kind() == ChangeKind.COMPLIANCE_CHANGED)
			.map(change -> Map.entry(change.contactId(), change.compliance()))
			.toList();
	}

	private static InteractionEvent quiz(String id, String contactId, long revision, boolean correct) {
		return new InteractionEvent(id, contactId, "prog-1", "l-1", EventType.QUIZ_ANSWERED, AT, null, "question-1",
				correct, correct ? 100.0 : 0.0, revision, null);
	}

	private static InteractionEvent started(String id, String contactId, String lessonId) {
		return new InteractionEvent(id, contactId, "prog-1", lessonId, EventType.LESSON_STARTED, AT, null, null, null,
				null, null, null);
	}

	private static InteractionEvent completed(String id, String contactId, String lessonId) {
		return new InteractionEvent(id, contactId, "prog-1", lessonId, EventType.LESSON_COMPLETED, AT, null, null, null,
				null, null, null);
	}

}
