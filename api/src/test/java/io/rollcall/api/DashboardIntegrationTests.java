package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.DashboardOracle.RepProgress;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every dashboard query on a generated tenant of more than 100,000 events, written
 * through the real REST api, stream and indexer, compared field by field with the
 * {@link DashboardOracle}; a second tenant with the same program and lesson ids must
 * never show up. Then again after corrections and a removal, and as a manager.
 */
@DevStackTest
class DashboardIntegrationTests {

	private static final String JSON = "application/json";

	private static final String PROGRAM = "prog-0";

	private static final int BATCH = 5_000;

	private RunningStack stack;

	private DevIssuer issuer;

	private String admin;

	@BeforeEach
	void start(DevStack devStack) {
		issuer = DevIssuer.global();
		// Loading 100,000+ events on a busy 2-core CI machine: a visible write may take
		// longer than the default 10 s.
		stack = RunningStack.start(devStack, issuer, Map.of("rollcall.ingest.visibility-timeout", "60s"));
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void everyQueryMatchesTheOracleBeforeAndAfterCorrectionsAndRemovals() {
		GeneratedTenant demo = EventGenerator.withSeed(42).reps(1_000).teams(5).lessonsPerProgram(20).generate("demo");
		GeneratedTenant other = EventGenerator.withSeed(43).reps(60).lessonsPerProgram(20).generate("other");
		assertThat(demo.events()).hasSizeGreaterThanOrEqualTo(100_000);
		String otherAdmin = issuer.token("other-admin", "other-admin-secret");
		write(admin, "/v1/contacts", demo.contacts());
		write(admin, "/v1/events", demo.events());
		write(otherAdmin, "/v1/contacts", other.contacts());
		write(otherAdmin, "/v1/events", other.events());
		DashboardOracle oracle = new DashboardOracle().accept(demo.events());
		Map<String, Contact> contacts = demo.contacts()
			.stream()
			.collect(Collectors.toMap(Contact::contactId, contact -> contact));

		// Without a catalog, compliance requires every lesson seen in the program's
		// events.
		assertCompliance(admin, null, oracle, oracle.lessonsSeen(PROGRAM), null);
		List<String> catalog = List.of("lesson-3", "lesson-1", "lesson-0", "lesson-7");
		Instant due = Instant.parse("2026-02-01T00:00:00Z");
		HttpResponse<String> put = stack.put("/v1/programs/" + PROGRAM + "?consistency=visible", admin, JSON,
				RunningStack.JSON
					.writeValueAsString(Map.of("name", "Onboarding", "lessonIds", catalog, "dueDate", due.toString())));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

		assertEverything(admin, oracle, contacts, catalog, due);
		assertThat(contact(admin, other.contacts().get(0).contactId()).isNull()).isTrue();
		assertThat(contact(otherAdmin, demo.contacts().get(0).contactId()).isNull()).isTrue();

		// Corrections: quiz answers flipped, completions turned into starts (higher
		// revisions), and a stale lower revision that must not win; then a removal.
		List<InteractionEvent> corrections = new ArrayList<>();
		List<InteractionEvent> quizzes = oracle.events(event -> event.type() == EventType.QUIZ_ANSWERED);
		for (InteractionEvent quiz : quizzes.subList(0, 2_000)) {
			corrections.add(revise(quiz, quiz.type(), !quiz.correct(), 1L));
		}
		List<InteractionEvent> completions = oracle.events(event -> event.type() == EventType.LESSON_COMPLETED);
		for (InteractionEvent completion : completions.subList(0, 500)) {
			corrections.add(revise(completion, EventType.LESSON_STARTED, null, 2L));
		}
		write(admin, "/v1/events", corrections);
		List<InteractionEvent> stale = corrections.subList(0, 100)
			.stream()
			.map(event -> revise(event, event.type(), !event.correct(), 0L))
			.toList();
		write(admin, "/v1/events", stale);
		oracle.accept(corrections).accept(stale);
		String removed = demo.contacts().get(1).contactId(); // team-1, so the manager
																// sees it go
		HttpResponse<String> removal = stack.delete("/v1/contacts/" + removed, admin);
		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
		oracle.remove(removed);
		contacts.remove(removed);

		assertEverything(admin, oracle, contacts, catalog, due);
		assertThat(contact(admin, removed).isNull()).isTrue();

		// A manager (team-1) sees exactly team-1's reps, in lists and counts alike.
		String manager = issuer.token("demo-manager", "demo-manager-secret");
		Set<String> team1 = teamMembers(contacts, "team-1");
		DashboardOracle team1Oracle = oracle.restrictedTo(team1);
		assertRepPages(manager, null, RepOrder.CONTACT_ID_ASC, 200, team1Oracle, contacts);
		assertSummary(manager, team1Oracle, catalog);
		assertCompliance(manager, null, team1Oracle, catalog, due);
		assertThat(quizStats(manager, "lesson-0", null)).isEqualTo(expectedQuizStats(team1Oracle, "lesson-0"));
		// ... and nothing of a team outside its set, without an error.
		JsonNode outside = page(manager, "team-2", RepOrder.CONTACT_ID_ASC, 50, null);
		assertThat(outside.path("totalCount").asLong()).isZero();
		assertThat(outside.path("edges")).isEmpty();
		assertThat(contact(manager, demo.contacts().get(2).contactId()).isNull()).isTrue();
		// An admin may ask for one team.
		DashboardOracle team2Oracle = oracle.restrictedTo(teamMembers(contacts, "team-2"));
		assertRepPages(admin, "team-2", RepOrder.LESSONS_COMPLETED_DESC, 500, team2Oracle, contacts);
		assertCompliance(admin, "team-2", team2Oracle, catalog, due);
	}

	private void assertEverything(String token, DashboardOracle oracle, Map<String, Contact> contacts,
			List<String> catalog, Instant due) {
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
				oracle.repProgress(PROGRAM, Comparator.comparing(DashboardIntegrationTests::accuracy).reversed()),
				rep -> rep.quizAccuracy() != null, RepProgress::quizAccuracy, contacts);
		assertLeaderboard(token, "ACTIVITY",
				oracle.repProgress(PROGRAM, Comparator.comparing(RepProgress::eventCount).reversed()), rep -> true,
				rep -> (double) rep.eventCount(), contacts);
		Contact someone = contacts.values().iterator().next();
		assertContact(contact(token, someone.contactId()), someone);
	}

	private void assertSummary(String token, DashboardOracle oracle, List<String> catalog) {
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
		QUIZ_ACCURACY_ASC("QUIZ_ACCURACY", "ASC", Comparator.comparing(DashboardIntegrationTests::accuracy)),
		QUIZ_ACCURACY_DESC("QUIZ_ACCURACY", "DESC",
				Comparator.comparing(DashboardIntegrationTests::accuracy).reversed());

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
	private void assertRepPages(String token, String teamId, RepOrder order, int first, DashboardOracle oracle,
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

	private JsonNode page(String token, String teamId, RepOrder order, int first, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programId", PROGRAM);
		variables.put("teamId", teamId);
		variables.put("first", first);
		variables.put("after", after);
		variables.put("orderBy", Map.of("field", order.field, "direction", order.direction));
		return data(stack.graphQl(token, "repProgress", variables), "repProgress");
	}

	private void assertCompliance(String token, String teamId, DashboardOracle oracle, List<String> required,
			Instant due) {
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

	private void assertActivity(String token, DashboardOracle oracle) {
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

	private void assertActivity(String token, DashboardOracle oracle, Instant from, Instant to, String interval,
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

	private List<String> quizStats(String token, String lesson, String teamId) {
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

	private static List<String> expectedQuizStats(DashboardOracle oracle, String lesson) {
		return oracle.quizStats(PROGRAM, lesson)
			.stream()
			.map(question -> question.questionId() + ":" + question.attempts() + ":" + question.correct() + ":"
					+ (double) question.correct() / question.attempts())
			.toList();
	}

	private List<String> videoDropoff(String token, String lesson) {
		List<String> reach = new ArrayList<>();
		data(stack.graphQl(token, "videoDropoff", Map.of("programId", PROGRAM, "lessonId", lesson)), "videoDropoff")
			.forEach(segment -> reach.add(segment.path("segment").asInt() + ":" + segment.path("reps").asLong()));
		return reach;
	}

	private void assertLeaderboard(String token, String metric, List<RepProgress> ranked,
			Predicate<RepProgress> eligible, java.util.function.Function<RepProgress, Double> value,
			Map<String, Contact> contacts) {
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

	private JsonNode contact(String token, String id) {
		return data(stack.graphQl(token, "contact", Map.of("id", id)), "contact");
	}

	private static void assertContact(JsonNode actual, Contact expected) {
		assertThat(actual.path("contactId").asString()).isEqualTo(expected.contactId());
		assertThat(actual.path("name").asString()).isEqualTo(expected.name());
		assertThat(actual.path("email").asString()).isEqualTo(expected.email());
		assertThat(actual.path("teamId").asString()).isEqualTo(expected.teamId());
		assertThat(actual.path("managerId").asString()).isEqualTo(expected.managerId());
		assertThat(actual.path("hiredAt").asString()).isEqualTo(expected.hiredAt().toString());
	}

	private static Set<String> teamMembers(Map<String, Contact> contacts, String teamId) {
		return contacts.values()
			.stream()
			.filter(contact -> teamId.equals(contact.teamId()))
			.map(Contact::contactId)
			.collect(Collectors.toSet());
	}

	private static InteractionEvent revise(InteractionEvent event, EventType type, Boolean correct, Long revision) {
		return new InteractionEvent(event.eventId(), event.contactId(), event.programId(), event.lessonId(), type,
				event.occurredAt(), event.segment(), type == EventType.QUIZ_ANSWERED ? event.questionId() : null,
				type == EventType.QUIZ_ANSWERED ? correct : null,
				type == EventType.QUIZ_ANSWERED ? (correct ? 100.0 : 0.0) : null, revision, event.attributes());
	}

	private void write(String token, String path, List<?> items) {
		for (int from = 0; from < items.size(); from += BATCH) {
			List<?> batch = items.subList(from, Math.min(items.size(), from + BATCH));
			HttpResponse<String> response = stack.post(path + "?consistency=visible", token, JSON,
					RunningStack.JSON.writeValueAsString(batch));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	static JsonNode data(JsonNode response, String field) {
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		return response.path("data").path(field);
	}

}
