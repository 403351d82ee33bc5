package io.rollcall.indexer.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.DashboardOracle.LessonReach;
import io.rollcall.schema.fixtures.DashboardOracle.ProgramSummary;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import io.rollcall.schema.index.ProgressDocument;
import io.rollcall.schema.stream.EntryKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollups, summed up as the api's program summary will, give the oracle's numbers.
 */
@DevStackTest
class ProgressRollupIntegrationTests {

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> SOURCE = (Class<Map<String, Object>>) (Class<?>) Map.class;

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
	void rollupsOfAGeneratedTenantMatchTheOracleProgramSummary() throws IOException {
		GeneratedTenant tenant = EventGenerator.withSeed(7).reps(40).programs(2).lessonsPerProgram(6).generate("gen");
		List<InteractionEvent> events = new ArrayList<>(tenant.events());
		// A few corrections (higher revision, answer flipped) to prove the rollups follow
		// the latest revision.
		List<InteractionEvent> corrections = events.stream()
			.filter(event -> event.correct() != null)
			.limit(15)
			.map(event -> new InteractionEvent(event.eventId(), event.contactId(), event.programId(), event.lessonId(),
					event.type(), event.occurredAt(), event.segment(), event.questionId(), !event.correct(),
					event.score(), 1L, null))
			.toList();
		List<String> tickets = new ArrayList<>();
		for (int from = 0; from < events.size(); from += 700) {
			tickets
				.add(indexer.send(EntryKind.EVENTS, "gen", events.subList(from, Math.min(events.size(), from + 700))));
		}
		tickets.add(indexer.send(EntryKind.EVENTS, "gen", corrections));
		tickets.forEach(ticket -> assertThat(indexer.awaitApplied(ticket).applied()).isTrue());

		DashboardOracle oracle = new DashboardOracle().accept(events).accept(corrections);
		for (String programId : tenant.programIds()) {
			ProgramSummary expected = oracle.programSummary(programId);
			assertThat(summaryFromRollups("gen", programId)).satisfies(actual -> {
				assertThat(actual.totalEvents()).isEqualTo(expected.totalEvents());
				assertThat(actual.activeReps()).isEqualTo(expected.activeReps());
				assertThat(actual.lessons()).isEqualTo(expected.lessons());
				assertThat(actual.quizAccuracy()).isCloseTo(expected.quizAccuracy(), within(1e-9));
			});
		}
	}

	@Test
	void rollupsKeepUpdatingWhenRedisLosesTheGenerationCounter() throws IOException {
		// Two batches take the counter (and the rollup's version) well past 1.
		for (String batch : List.of("early", "earlier")) {
			assertThat(indexer.apply(EntryKind.EVENTS, "lossy", IndexerHarness.smsEvents(batch, "rep-1", 3)).applied())
				.isTrue();
		}
		// What a Redis restart without persistence does to the counter.
		indexer.redis.del(indexer.keys.generation("lossy"));

		List<InteractionEvent> later = IndexerHarness.smsEvents("late", "rep-1", 4);
		assertThat(indexer.apply(EntryKind.EVENTS, "lossy", later).applied()).isTrue();

		assertThat(summaryFromRollups("lossy", later.get(0).programId()).totalEvents()).isEqualTo(10);
	}

	private ProgramSummary summaryFromRollups(String tenantId, String programId) throws IOException {
		SearchResponse<Map<String, Object>> response = indexer.elasticsearch
			.search(search -> search.index(indexer.names.progress())
				.routing(tenantId)
				.size(10_000)
				.query(query -> query.bool(bool -> bool
					.filter(filter -> filter.term(term -> term.field(ProgressDocument.TENANT_ID).value(tenantId)))
					.filter(filter -> filter.term(term -> term.field(ProgressDocument.PROGRAM_ID).value(programId))))),
					SOURCE);
		long events = 0;
		long answered = 0;
		long correct = 0;
		Map<String, Set<String>> started = new TreeMap<>();
		Map<String, Set<String>> completed = new TreeMap<>();
		for (Hit<Map<String, Object>> hit : response.hits().hits()) {
			Map<String, Object> rollup = hit.source();
			String contact = (String) rollup.get(ProgressDocument.CONTACT_ID);
			events += ((Number) rollup.get(ProgressDocument.EVENT_COUNT)).longValue();
			answered += ((Number) rollup.get(ProgressDocument.QUIZ_ANSWERED)).longValue();
			correct += ((Number) rollup.get(ProgressDocument.QUIZ_CORRECT)).longValue();
			for (Object lesson : (List<?>) rollup.get(ProgressDocument.LESSONS_STARTED)) {
				started.computeIfAbsent((String) lesson, l -> new HashSet<>()).add(contact);
				completed.computeIfAbsent((String) lesson, l -> new HashSet<>());
			}
			for (Object lesson : (List<?>) rollup.get(ProgressDocument.LESSONS_COMPLETED)) {
				completed.computeIfAbsent((String) lesson, l -> new HashSet<>()).add(contact);
				started.computeIfAbsent((String) lesson, l -> new HashSet<>());
			}
			assertThat(((Number) rollup.get(ProgressDocument.LESSONS_COMPLETED_COUNT)).intValue())
				.isEqualTo(((List<?>) rollup.get(ProgressDocument.LESSONS_COMPLETED)).size());
		}
		List<LessonReach> lessons = started.keySet()
			.stream()
			.map(lesson -> new LessonReach(lesson, started.get(lesson).size(), completed.get(lesson).size()))
			.toList();
		return new ProgramSummary(programId, events, response.hits().hits().size(),
				answered == 0 ? null : (double) correct / answered, lessons);
	}

}
