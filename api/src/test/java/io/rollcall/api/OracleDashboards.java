package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.DashboardOracle.RepProgress;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Every dashboard query of program {@value #PROGRAM} through a {@link RunningStack},
 * compared field by field with a {@link DashboardOracle} of the events written: shared by
 * the tests that check the dashboards after a scenario (corrections and removals, a lost
 * node).
 */
final class OracleDashboards {

	static final String PROGRAM = "prog-0";

	private final RunningStack stack;

	OracleDashboards(RunningStack stack) {
		this.stack = stack;
	}

	/**
	 * Every query, every order and page, the catalog's lessons first, as {@code token}
	 * sees them.
	 */
	void assertEverything(String token, DashboardOracle oracle, Map<String, Contact> contacts, List<String> catalog,
			Instant due) {
		assertSummary(token, oracle, catalog);
		for (RepOrder order : RepOrder.values()) {
			assertRepPages(token, null, order, order == RepOrder.CONTACT_ID_ASC ? 300 : 500, oracle, contacts);
		}
		assertCompliance(token, null, oracle, catalog, due);
		assertActivity(token, oracle);
		for (String lesson : List.of("lesson-0", "lesson-9", "lesson-19", "no-such-lesson")) {
			assertThat(quizStats(token, lesson, null)).as(lesson).isEqualTo(expectedQuizStats(oracle, lesson));
			assertThat(videoDropoff(token, lesson)).as(lesson)
				.isEqualTo(oracle.videoDropoff(PROGRAM, lesson)
					.stream()
					.map(reach -> reach.segment() + ":" + reach.reps())
					.toList());
		}
		assertLeaderboard(token, "LESSONS_COMPLETED",
				oracle.repProgress(PROGRAM, Comparator.comparing(RepProgress::lessonsCompleted).reversed()),
				rep -> true, rep -> (double) rep.lessonsCompleted(), contacts);
		assertLeaderboard(token, "QUIZ_ACCURACY",
				oracle.repProgress(PROGRAM, Comparator.comparing(OracleDashboards::accuracy).reversed()),
				rep -> rep.quizAccuracy() != null, RepProgress::quizAccuracy, contacts);
		assertLeaderboard(token, "ACTIVITY",
				oracle.repProgress(PROGRAM, Comparator.comparing(RepProgress::eventCount).reversed()), rep -> true,
				rep -> (double) rep.eventCount(), contacts);
		Contact someone = contacts.values().iterator().next();
		assertContact(contact(token, someone.contactId()), someone);
	}

	void assertSummary(String token, DashboardOracle oracle, List<String> catalog) {
		JsonNode summary = data(stack.graphQl(token, "programSummary", Map.of("programId", PROGRAM)), "programSummary");
		DashboardOracle.ProgramSummary expected = oracle.programSummary(PROGRAM);
		assertThat(summary.path("totalEvents").asLong()).isEqualTo(expected.totalEvents());
		assertThat(summary.path("activeReps").asLong()).isEqualTo(expected.activeReps());
		assertThat(summary.path("quizAccuracy").asDouble()).isEqualTo(expected.quizAccuracy());
		Map<String, String> byLesson = new LinkedHashMap<>();
		summary.path("lessons")
			.forEach(lesson -> byLesson.put(lesson.path("lessonId").asString(),
					lesson.path("startedReps").asLong() + "/" + lesson.path("completedReps").asLong()));
		List<String> order = new ArrayList<>(catalog);
		expected.lessons()
			.stream()
			.map(DashboardOracle.LessonReach::lessonId)
			.filter(l -> !catalog.contains(l))
			.forEach(order::add);
		assertThat(byLesson.keySet()).as("catalog order first").containsExactlyElementsOf(order);
		expected.lessons()
			.forEach(lesson -> assertThat(byLesson.get(lesson.lessonId())).as(lesson.lessonId())
				.isEqualTo(lesson.startedReps() + "/" + lesson.completedReps()));
	}

	enum RepOrder {

		CONTACT_ID_ASC("CONTACT_ID", "ASC", Comparator.comparing(rep -> "")),
		LESSONS_COMPLETED_ASC("LESSONS_COMPLETED", "ASC", Comparator.comparing(RepProgress::lessonsCompleted)),
		LESSONS_COMPLETED_DESC("LESSONS_COMPLETED", "DESC",
				Comparator.comparing(RepProgress::lessonsCompleted).reversed()),
		LAST_ACTIVITY_AT_ASC("LAST_ACTIVITY_AT", "ASC", Comparator.comparing(RepProgress::lastActivityAt)),
		LAST_ACTIVITY_AT_DESC("LAST_ACTIVITY_AT", "DESC", Comparator.comparing(RepProgress::lastActivityAt).reversed()),
		QUIZ_ACCURACY_ASC("QUIZ_ACCURACY", "ASC", Comparator.comparing(OracleDashboards::accuracy)),
		QUIZ_ACCURACY_DESC("QUIZ_ACCURACY", "DESC", Comparator.comparing(OracleDashboards::accuracy).reversed());

		final String field;

		final String direction;

		final Comparator<RepProgress> comparator;

		RepOrder(String field, String direction, Comparator<RepProgress> comparator) {
			this.field = field;
			this.direction = direction;
			this.comparator = comparator;
		}

	}

	/** Null accuracy sorts as -1, below every real accuracy (see RepProgressField). */
	private static double accuracy(RepProgress rep) {
		return rep.quizAccuracy() == null ? -1 : rep.quizAccuracy();
	}

	/** Walks every page and checks every rep once, in order, with its contact. */
	void assertRepPages(String token, String teamId, RepOrder order, int first, DashboardOracle oracle,
			Map<String, Contact> contacts) {
		List<RepProgress> expected = oracle.repProgress(PROGRAM, order.comparator);
		List<JsonNode> nodes = new ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			JsonNode connection = page(token, teamId, order, first, after);
			assertThat(connection.path("totalCount").asLong()).as("totalCount").isEqualTo(expected.size());
			connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
			pages++;
			if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
				break;
			}
			after = connection.path("pageInfo").path("endCursor").asString();
			assertThat(pages).as("pages").isLessThanOrEqualTo(expected.size() / first + 1);
		}
		assertThat(nodes.stream().map(node -> node.path("contactId").asString()).toList()).as(order.name())
			.containsExactlyElementsOf(expected.stream().map(RepProgress::contactId).toList());
		for (int i = 0; i < expected.size(); i++) {
			RepProgress rep = expected.get(i);
			JsonNode node = nodes.get(i);
			assertThat(node.path("lessonsCompleted").asInt()).as(rep.contactId()).isEqualTo(rep.lessonsCompleted());
			assertThat(node.path("lastActivityAt").asString()).as(rep.contactId())
				.isEqualTo(rep.lastActivityAt().toString());
			if (rep.quizAccuracy() == null) {
				assertThat(node.path("quizAccuracy").isNull()).as(rep.contactId()).isTrue();
			}
			else {
				assertThat(node.path("quizAccuracy").asDouble()).as(rep.contactId()).isEqualTo(rep.quizAccuracy());
			}
			assertContact(node.path("contact"), contacts.get(rep.contactId()));
		}
	}

	JsonNode page(String token, String teamId, RepOrder order, int first, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programId", PROGRAM);
		variables.put("teamId", teamId);
		variables.put("first", first);
		variables.put("after", after);
		variables.put("orderBy", Map.of("field", order.field, "direction", order.direction));
		return data(stack.graphQl(token, "repProgress", variables), "repProgress");
	}

	void assertCompliance(String token, String teamId, DashboardOracle oracle, List<String> required, Instant due) {
		DashboardOracle.Compliance expected = oracle.compliance(PROGRAM, required);
		List<String> nonCompliant = new ArrayList<>();
		String after = null;
		JsonNode report;
		do {
			Map<String, Object> variables = new HashMap<>();
			variables.put("programId", PROGRAM);
			variables.put("teamId", teamId);
			variables.put("first", 400);
			variables.put("after", after);
			report = data(stack.graphQl(token, "compliance", variables), "compliance");
			JsonNode reps = report.path("nonCompliantReps");
			reps.path("edges").forEach(edge -> nonCompliant.add(edge.path("node").path("contactId").asString()));
			assertThat(reps.path("totalCount").asLong()).isEqualTo(expected.nonCompliant().size());
			after = reps.path("pageInfo").path("hasNextPage").asBoolean()
					? reps.path("pageInfo").path("endCursor").asString() : null;
		}
		while (after != null);
		List<String> requiredLessons = new ArrayList<>();
		report.path("requiredLessons").forEach(lesson -> requiredLessons.add(lesson.asString()));
		assertThat(requiredLessons).isEqualTo(required);
		assertThat(report.path("compliant").asLong()).as("compliant").isEqualTo(expected.compliant().size());
		assertThat(report.path("nonCompliant").asLong()).as("nonCompliant").isEqualTo(expected.nonCompliant().size());
		// The due date is in the past: every non-compliant rep is overdue.
		assertThat(report.path("overdue").asLong()).as("overdue")
			.isEqualTo(due == null ? 0 : expected.nonCompliant().size());
		assertThat(nonCompliant).isEqualTo(expected.nonCompliant());
	}

	void assertActivity(String token, DashboardOracle oracle) {
		Instant from = Instant.parse("2026-01-01T00:00:00Z");
		Instant to = Instant.parse("2026-03-01T00:00:00Z");
		assertActivity(token, oracle, from, to, "DAY", null, instant -> instant.truncatedTo(ChronoUnit.DAYS));
		assertActivity(token, oracle, from, to, "WEEK", null,
				instant -> instant.atOffset(ZoneOffset.UTC)
					.toLocalDate()
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
					.atStartOfDay(ZoneOffset.UTC)
					.toInstant());
		assertActivity(token, oracle, Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-08T12:00:00Z"),
				"HOUR", List.of("QUIZ_ANSWERED", "LESSON_COMPLETED"), instant -> instant.truncatedTo(ChronoUnit.HOURS));
	}

	void assertActivity(String token, DashboardOracle oracle, Instant from, Instant to, String interval,
			List<String> types, UnaryOperator<Instant> bucket) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("range", Map.of("from", from.toString(), "to", to.toString()));
		variables.put("interval", interval);
		variables.put("types", types);
		variables.put("programId", PROGRAM);
		JsonNode buckets = data(stack.graphQl(token, "activity", variables), "activity");
		Predicate<InteractionEvent> ofTypes = event -> types == null || types.contains(event.type().name());
		Map<Instant, Map<EventType, Long>> expected = oracle.activity(from, to, bucket, ofTypes);
		Map<Instant, Map<String, Long>> actual = new TreeMap<>();
		for (JsonNode node : buckets) {
			Instant start = Instant.parse(node.path("start").asString());
			assertThat(start).isEqualTo(bucket.apply(start));
			Map<String, Long> byType = new TreeMap<>();
			node.path("byType")
				.forEach(count -> byType.put(count.path("type").asString(), count.path("count").asLong()));
			assertThat(node.path("total").asLong())
				.isEqualTo(byType.values().stream().mapToLong(Long::longValue).sum());
			if (!byType.isEmpty()) {
				actual.put(start, byType);
			}
		}
		assertThat(buckets).as(interval + " buckets cover the range").isNotEmpty();
		assertThat(Instant.parse(buckets.get(0).path("start").asString())).isEqualTo(bucket.apply(from));
		Map<Instant, Map<String, Long>> expectedByName = new TreeMap<>();
		expected.forEach((start, counts) -> {
			Map<String, Long> byName = new TreeMap<>();
			counts.forEach((type, count) -> byName.put(type.name(), count));
			expectedByName.put(start, byName);
		});
		assertThat(actual).as(interval).isEqualTo(expectedByName);
	}

	List<String> quizStats(String token, String lesson, String teamId) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programId", PROGRAM);
		variables.put("lessonId", lesson);
		variables.put("teamId", teamId);
		List<String> stats = new ArrayList<>();
		data(stack.graphQl(token, "quizStats", variables), "quizStats").forEach(
				question -> stats.add(question.path("questionId").asString() + ":" + question.path("attempts").asLong()
						+ ":" + question.path("correct").asLong() + ":" + question.path("correctRate").asDouble()));
		return stats;
	}

	static List<String> expectedQuizStats(DashboardOracle oracle, String lesson) {
		return oracle.quizStats(PROGRAM, lesson)
			.stream()
			.map(question -> question.questionId() + ":" + question.attempts() + ":" + question.correct() + ":"
					+ (double) question.correct() / question.attempts())
			.toList();
	}

	List<String> videoDropoff(String token, String lesson) {
		List<String> reach = new ArrayList<>();
		data(stack.graphQl(token, "videoDropoff", Map.of("programId", PROGRAM, "lessonId", lesson)), "videoDropoff")
			.forEach(segment -> reach.add(segment.path("segment").asInt() + ":" + segment.path("reps").asLong()));
		return reach;
	}

	void assertLeaderboard(String token, String metric, List<RepProgress> ranked, Predicate<RepProgress> eligible,
			Function<RepProgress, Double> value, Map<String, Contact> contacts) {
		List<RepProgress> top = ranked.stream().filter(eligible).limit(25).toList();
		JsonNode entries = data(
				stack.graphQl(token, "leaderboard", Map.of("programId", PROGRAM, "metric", metric, "first", 25)),
				"leaderboard");
		List<String> actual = new ArrayList<>();
		entries.forEach(entry -> actual.add(entry.path("rank").asInt() + ":" + entry.path("contactId").asString() + ":"
				+ entry.path("value").asDouble() + ":" + entry.path("contact").path("name").asString()));
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < top.size(); i++) {
			RepProgress rep = top.get(i);
			expected.add((i + 1) + ":" + rep.contactId() + ":" + value.apply(rep) + ":"
					+ contacts.get(rep.contactId()).name());
		}
		assertThat(actual).as(metric).isEqualTo(expected);
	}

	JsonNode contact(String token, String id) {
		return data(stack.graphQl(token, "contact", Map.of("id", id)), "contact");
	}

	static void assertContact(JsonNode actual, Contact expected) {
		assertThat(actual.path("contactId").asString()).isEqualTo(expected.contactId());
		assertThat(actual.path("name").asString()).isEqualTo(expected.name());
		assertThat(actual.path("email").asString()).isEqualTo(expected.email());
		assertThat(actual.path("teamId").asString()).isEqualTo(expected.teamId());
		assertThat(actual.path("managerId").asString()).isEqualTo(expected.managerId());
		assertThat(actual.path("hiredAt").asString()).isEqualTo(expected.hiredAt().toString());
	}

	static JsonNode data(JsonNode response, String field) {
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		return response.path("data").path(field);
	}

}
