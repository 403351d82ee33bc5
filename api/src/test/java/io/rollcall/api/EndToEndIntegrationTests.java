package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The api as clients see it: real tokens from the dev issuer, real HTTP, writes through
 * the Redis stream and the real indexer into Elasticsearch, dashboards read back over
 * GraphQL and compared with the {@link DashboardOracle}.
 */
@DevStackTest
class EndToEndIntegrationTests {

	private static final String JSON = "application/json";

	private RunningStack stack;

	private DevIssuer issuer;

	@BeforeEach
	void start(DevStack devStack) {
		issuer = DevIssuer.global();
		stack = RunningStack.start(devStack, issuer);
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void visibleWritesAreCountedExactlyAndOnlyForTheirTenant() {
		List<InteractionEvent> demoEvents = EventGenerator.withSeed(7)
			.reps(40)
			.generate("demo")
			.events()
			.subList(0, 1_000);
		List<InteractionEvent> otherEvents = inProgram(EventGenerator.withSeed(8).reps(5).generate("other").events(),
				"prog-9");
		String demo = issuer.token("demo-admin", "demo-admin-secret");
		String other = issuer.token("other-admin", "other-admin-secret");

		HttpResponse<String> demoWrite = stack.post("/v1/events?consistency=visible", demo, JSON, json(demoEvents));
		HttpResponse<String> otherWrite = stack.post("/v1/events?consistency=visible", other, JSON, json(otherEvents));

		assertThat(demoWrite.statusCode()).as(demoWrite.body()).isEqualTo(200);
		assertThat(RunningStack.JSON.readTree(demoWrite.body()))
			.isEqualTo(RunningStack.JSON.readTree("{\"accepted\":1000,\"consistency\":\"VISIBLE\"}"));
		assertThat(otherWrite.statusCode()).as(otherWrite.body()).isEqualTo(200);

		DashboardOracle demoOracle = new DashboardOracle().accept(demoEvents);
		DashboardOracle otherOracle = new DashboardOracle().accept(otherEvents);
		assertThat(demoOracle.programSummary("prog-0").totalEvents()).isEqualTo(1_000);
		assertMatches(summary(demo, "prog-0"), demoOracle.programSummary("prog-0"));
		assertMatches(summary(other, "prog-9"), otherOracle.programSummary("prog-9"));
		assertZero(summary(other, "prog-0"), "prog-0");
		assertZero(summary(demo, "prog-9"), "prog-9");
	}

	@Test
	void anUnknownProgramIsZerosNotAnError() {
		JsonNode response = stack.graphQl(issuer.token("demo-reader", "demo-reader-secret"), "programSummary",
				Map.of("programId", "never-heard-of-it"));

		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		assertZero(response.path("data").path("programSummary"), "never-heard-of-it");
	}

	@Test
	void withoutATokenNothingButHealthAnswers() {
		HttpResponse<String> rest = stack.post("/v1/events", null, JSON, "[]");
		HttpResponse<String> graphQl = stack.post("/graphql", null, JSON,
				"{\"query\":\"{ programSummary(programId: \\\"prog-0\\\") { totalEvents } }\"}");
		HttpResponse<String> forged = stack.post("/v1/events", "not.a.jwt", JSON, "[]");

		assertThat(rest.statusCode()).isEqualTo(401);
		assertThat(RunningStack.JSON.readTree(rest.body()).path("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(rest.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
		assertThat(graphQl.statusCode()).isEqualTo(401);
		assertThat(RunningStack.JSON.readTree(graphQl.body())
			.path("errors")
			.path(0)
			.path("extensions")
			.path("code")
			.asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(stack.get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(stack.get("/actuator/env", null).statusCode()).isEqualTo(401);
		// The GraphiQL page is static HTML (it redirects to itself with ?path=/graphql);
		// its queries need a token.
		assertThat(stack.get("/graphiql?path=/graphql", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aReaderReadsButCannotWrite() {
		String reader = issuer.token("demo-reader", "demo-reader-secret");
		List<InteractionEvent> events = EventGenerator.withSeed(1).reps(1).generate("demo").events().subList(0, 3);

		HttpResponse<String> rest = stack.post("/v1/events", reader, JSON, json(events));
		JsonNode mutation = stack.graphQl(reader, "recordEvents", Map.of("events", inputs(events)));
		JsonNode query = stack.graphQl(reader, "programSummary", Map.of("programId", "prog-0"));

		assertThat(rest.statusCode()).isEqualTo(403);
		assertThat(RunningStack.JSON.readTree(rest.body()).path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(mutation.path("errors").path(0).path("extensions").path("code").asString()).as(mutation.toString())
			.isEqualTo("FORBIDDEN");
		assertThat(query.path("errors").isMissingNode()).as(query.toString()).isTrue();
	}

	@Test
	void aBadBatchIsRejectedWholeNamingIndexEventAndField() {
		String demo = issuer.token("demo-admin", "demo-admin-secret");
		String body = """
				[{"eventId":"ok-1","contactId":"c1","programId":"prog-0","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"},
				 {"eventId":"bad-1","contactId":"c1","programId":"prog-0","type":"VIDEO_PROGRESS","lessonId":"lesson-0",
				  "occurredAt":"2026-01-05T09:00:00Z"}]
				""";

		HttpResponse<String> response = stack.post("/v1/events?consistency=visible", demo, JSON, body);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = RunningStack.JSON.readTree(response.body());
		assertThat(error.path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("violations")).hasSize(1);
		assertThat(error.path("violations").path(0).path("index").asInt()).isEqualTo(1);
		assertThat(error.path("violations").path(0).path("eventId").asString()).isEqualTo("bad-1");
		assertThat(error.path("violations").path(0).path("field").asString()).isEqualTo("segment");
		assertZero(summary(demo, "prog-0"), "prog-0");
	}

	@Test
	void graphQlWritesShareTheContractAndReachTheDashboards() {
		String demo = issuer.token("demo-admin", "demo-admin-secret");
		List<InteractionEvent> events = EventGenerator.withSeed(3).reps(3).generate("demo").events();

		JsonNode written = stack.graphQl(demo, "recordEvents",
				Map.of("events", inputs(events), "consistency", "VISIBLE"));
		List<Map<String, Object>> invalid = inputs(events.subList(0, 1));
		invalid.get(0).put("occurredAt", "yesterday");
		JsonNode rejected = stack.graphQl(demo, "recordEvents", Map.of("events", invalid));

		assertThat(written.path("data").path("recordEvents").path("accepted").asInt()).as(written.toString())
			.isEqualTo(events.size());
		assertThat(written.path("data").path("recordEvents").path("consistency").asString()).isEqualTo("VISIBLE");
		assertMatches(summary(demo, "prog-0"), new DashboardOracle().accept(events).programSummary("prog-0"));
		JsonNode error = rejected.path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).as(rejected.toString())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("violations").path(0).path("field").asString())
			.isEqualTo("occurredAt");
	}

	@Test
	void aRemovedContactIsGoneTheMomentTheCallReturns() {
		String demo = issuer.token("demo-admin", "demo-admin-secret");
		GeneratedTenant tenant = EventGenerator.withSeed(11).reps(6).generate("demo");
		String removed = tenant.contacts().get(2).contactId();
		HttpResponse<String> write = stack.post("/v1/events?consistency=visible", demo, JSON, json(tenant.events()));
		assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
		DashboardOracle oracle = new DashboardOracle().accept(tenant.events());
		assertMatches(summary(demo, "prog-0"), oracle.programSummary("prog-0"));

		HttpResponse<String> removal = stack.delete("/v1/contacts/" + removed, demo);
		JsonNode afterRemoval = summary(demo, "prog-0");

		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
		assertThat(RunningStack.JSON.readTree(removal.body()).path("removed").asBoolean()).isTrue();
		assertMatches(afterRemoval, oracle.remove(removed).programSummary("prog-0"));
	}

	private JsonNode summary(String token, String programId) {
		JsonNode response = stack.graphQl(token, "programSummary", Map.of("programId", programId));
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		return response.path("data").path("programSummary");
	}

	private static void assertMatches(JsonNode actual, DashboardOracle.ProgramSummary expected) {
		assertThat(actual.path("programId").asString()).isEqualTo(expected.programId());
		assertThat(actual.path("totalEvents").asLong()).as("totalEvents").isEqualTo(expected.totalEvents());
		assertThat(actual.path("activeReps").asLong()).as("activeReps").isEqualTo(expected.activeReps());
		if (expected.quizAccuracy() == null) {
			assertThat(actual.path("quizAccuracy").isNull()).as("quizAccuracy").isTrue();
		}
		else {
			assertThat(actual.path("quizAccuracy").asDouble()).as("quizAccuracy")
				.isCloseTo(expected.quizAccuracy(), org.assertj.core.data.Offset.offset(1e-9));
		}
		List<org.assertj.core.groups.Tuple> lessons = new ArrayList<>();
		actual.path("lessons")
			.forEach(lesson -> lessons.add(tuple(lesson.path("lessonId").asString(),
					lesson.path("startedReps").asLong(), lesson.path("completedReps").asLong())));
		assertThat(lessons).as("lessons")
			.containsExactlyElementsOf(expected.lessons()
				.stream()
				.map(lesson -> tuple(lesson.lessonId(), lesson.startedReps(), lesson.completedReps()))
				.toList());
	}

	private static void assertZero(JsonNode summary, String programId) {
		assertThat(summary.path("programId").asString()).isEqualTo(programId);
		assertThat(summary.path("totalEvents").asLong()).isZero();
		assertThat(summary.path("activeReps").asLong()).isZero();
		assertThat(summary.path("quizAccuracy").isNull()).isTrue();
		assertThat(summary.path("lessons")).isEmpty();
	}

	private static String json(List<InteractionEvent> events) {
		return RunningStack.JSON.writeValueAsString(events);
	}

	/**
	 * The events as GraphQL {@code EventInput}s (no attributes: the generator sends
	 * none).
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> inputs(List<InteractionEvent> events) {
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (InteractionEvent event : events) {
			Map<String, Object> input = new LinkedHashMap<>(RunningStack.JSON.convertValue(event, Map.class));
			input.remove("attributes");
			input.values().removeIf(java.util.Objects::isNull);
			inputs.add(input);
		}
		return inputs;
	}

	private static List<InteractionEvent> inProgram(List<InteractionEvent> events, String programId) {
		return events.stream()
			.map(e -> new InteractionEvent(e.eventId(), e.contactId(), programId, e.lessonId(), e.type(),
					e.occurredAt(), e.segment(), e.questionId(), e.correct(), e.score(), e.revision(), e.attributes()))
			.toList();
	}

}
