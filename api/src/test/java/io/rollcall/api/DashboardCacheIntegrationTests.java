package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard cache (on by default) never hides a write or a removal that returned to
 * its client: the same query asked again after it gives the new numbers, on every api
 * instance; and a write to one program leaves the other programs' answers cached.
 */
@DevStackTest
class DashboardCacheIntegrationTests {

	/**
	 * The answers that surely change when a rep's events of prog-0 land (whether the rep
	 * reached lesson-0's quiz and video depends on the generated data).
	 */
	private static final Set<String> MOVED_BY_THE_LATE_REP = Set.of("programSummary prog-0", "repProgress prog-0",
			"compliance prog-0", "leaderboard prog-0", "activity every program");

	private RunningStack stack;

	private String admin;

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
		stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.ingest.visibility-timeout", "25s", "rollcall.redis.command-timeout", "10s"));
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void aVisibleWriteChangesTheNextAnswer() {
		GeneratedTenant tenant = EventGenerator.withSeed(11).reps(20).lessonsPerProgram(2).generate("demo");
		List<InteractionEvent> events = tenant.events();
		List<InteractionEvent> first = events.subList(0, events.size() / 2);
		List<InteractionEvent> second = events.subList(events.size() / 2, events.size());
		write("/v1/contacts", tenant.contacts());
		write("/v1/events", first);
		long before = totalEvents();
		assertThat(before).isEqualTo(first.size());
		assertThat(totalEvents()).isEqualTo(before);
		write("/v1/events", second);
		assertThat(totalEvents()).isEqualTo(events.size());
		long reps = events.stream().map(InteractionEvent::contactId).distinct().count();
		assertThat(repProgress().path("totalCount").asLong()).isEqualTo(reps);
	}

	@Test
	void aRemovedContactIsGoneFromTheNextRepProgress() {
		GeneratedTenant tenant = EventGenerator.withSeed(12).reps(10).lessonsPerProgram(2).generate("demo");
		write("/v1/contacts", tenant.contacts());
		write("/v1/events", tenant.events());
		List<String> reps = DashboardInputIntegrationTests.ids(repProgress());
		assertThat(DashboardInputIntegrationTests.ids(repProgress())).isEqualTo(reps);
		for (String contactId : reps.subList(0, 3)) {
			JsonNode removal = stack.graphQl(admin, "removeContact", Map.of("id", contactId));
			assertThat(removal.path("data").path("removeContact").path("removed").asBoolean()).as(removal.toString())
				.isTrue();
			assertThat(DashboardInputIntegrationTests.ids(repProgress())).doesNotContain(contactId);
		}
		assertThat(DashboardInputIntegrationTests.ids(repProgress())).isEqualTo(reps.subList(3, reps.size()));
	}

	@Test
	void aVisibleWriteIsInEveryDependentAnswerOfEveryInstanceAndOtherProgramsStayCached(DevStack devStack,
			DevIssuer issuer) {
		GeneratedTenant tenant = EventGenerator.withSeed(13).reps(12).programs(2).lessonsPerProgram(2).generate("demo");
		String lateRep = tenant.contacts().getLast().contactId();
		List<InteractionEvent> late = tenant.events()
			.stream()
			.filter(event -> event.contactId().equals(lateRep) && event.programId().equals("prog-0"))
			.toList();
		write("/v1/contacts", tenant.contacts());
		write("/v1/events", tenant.events().stream().filter(event -> !late.contains(event)).toList());
		Map<String, Object> cacheTimeout = Map.of("rollcall.redis.command-timeout", "10s");
		try (RunningStack second = RunningStack.apiOnly(devStack, issuer, cacheTimeout);
				RunningStack uncached = RunningStack.apiOnly(devStack, issuer,
						Map.of("rollcall.redis.command-timeout", "10s", "rollcall.cache.enabled", "false"))) {
			List<RunningStack> cached = List.of(stack, second);
			Map<String, JsonNode> before = new LinkedHashMap<>();
			for (Map.Entry<String, Map<String, Object>> query : dashboards().entrySet()) {
				before.put(query.getKey(), data(uncached, query));
				for (RunningStack api : cached) {
					// Twice: the second is answered from the cache.
					assertThat(data(api, query)).as(query.getKey()).isEqualTo(before.get(query.getKey()));
					assertThat(data(api, query)).as(query.getKey()).isEqualTo(before.get(query.getKey()));
				}
			}

			write("/v1/events", late);

			double hitsBefore = cacheRequests(second, "hit");
			double missesBefore = cacheRequests(second, "miss");
			for (Map.Entry<String, Map<String, Object>> query : dashboards().entrySet()) {
				JsonNode now = data(uncached, query);
				if (MOVED_BY_THE_LATE_REP.contains(query.getKey())) {
					assertThat(now).as("%s moved with the write", query.getKey())
						.isNotEqualTo(before.get(query.getKey()));
				}
				for (RunningStack api : cached) {
					assertThat(data(api, query)).as(query.getKey()).isEqualTo(now);
				}
			}
			// prog-1's two answers stayed cached on the second instance; the other seven
			// were computed again there.
			assertThat(cacheRequests(second, "hit") - hitsBefore).isEqualTo(2);
			assertThat(cacheRequests(second, "miss") - missesBefore).isEqualTo(dashboards().size() - 2);
		}
	}

	/**
	 * Every dashboard query the late rep's events of prog-0 change, and two about prog-1.
	 */
	private static Map<String, Map<String, Object>> dashboards() {
		Map<String, Object> range = Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-03-01T00:00:00Z");
		Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
		queries.put("programSummary prog-0", Map.of("programId", "prog-0"));
		queries.put("repProgress prog-0", Map.of("programId", "prog-0", "first", 500));
		queries.put("compliance prog-0", Map.of("programId", "prog-0", "first", 500));
		queries.put("leaderboard prog-0", Map.of("programId", "prog-0", "metric", "ACTIVITY", "first", 50));
		queries.put("quizStats prog-0", Map.of("programId", "prog-0", "lessonId", "lesson-0"));
		queries.put("videoDropoff prog-0", Map.of("programId", "prog-0", "lessonId", "lesson-0"));
		queries.put("activity every program", Map.of("range", range));
		queries.put("programSummary prog-1", Map.of("programId", "prog-1"));
		queries.put("repProgress prog-1", Map.of("programId", "prog-1", "first", 500));
		return queries;
	}

	private JsonNode data(RunningStack api, Map.Entry<String, Map<String, Object>> query) {
		String operation = query.getKey().substring(0, query.getKey().indexOf(' '));
		JsonNode response = api.graphQl(admin, operation, query.getValue());
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		return response.path("data");
	}

	private static double cacheRequests(RunningStack api, String result) {
		return api.apiBean(MeterRegistry.class).get("rollcall.cache.requests").tag("result", result).counter().count();
	}

	private void write(String path, Object body) {
		HttpResponse<String> response = stack.post(path + "?consistency=visible", admin, "application/json",
				RunningStack.JSON.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private long totalEvents() {
		return OracleDashboards
			.data(stack.graphQl(admin, "programSummary", Map.of("programId", "prog-0")), "programSummary")
			.path("totalEvents")
			.asLong();
	}

	private JsonNode repProgress() {
		return OracleDashboards.data(stack.graphQl(admin, "repProgress", Map.of("programId", "prog-0", "first", 500)),
				"repProgress");
	}

}
