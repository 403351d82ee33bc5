package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad arguments are {@code BAD_USER_INPUT} naming the argument; unknown programs and
 * lessons are empty results, not errors. Over real HTTP with a real token.
 */
@DevStackTest
class DashboardInputIntegrationTests {

	private RunningStack stack;

	private String reader;

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
		stack = RunningStack.start(devStack, issuer);
		reader = issuer.token("demo-reader", "demo-reader-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	/**
	 * Over HTTP, as clients see them: the full list of bad arguments per query is in the
	 * dashboard features' {@code @GraphQlTest} slices; these go through the whole edge
	 * too (token, cost analysis of the slicing argument {@code first}, rate limit).
	 */
	@Test
	void badArgumentsReachClientsNamed() {
		assertBadArgument("repProgress", vars("programId", "prog-0", "first", 501), "first");
		assertBadArgument("leaderboard", vars("programId", "prog-0", "metric", "ACTIVITY", "first", 501), "first");
		assertBadArgument("activity",
				vars("range", Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-02T00:00:00Z"), "interval", "HOUR"),
				"interval");
		assertBadArgument("contact", vars("id", "bad id!"), "id");
	}

	@Test
	void unknownProgramsAndLessonsAreEmptyNotErrors() {
		JsonNode reps = OracleDashboards
			.data(stack.graphQl(reader, "repProgress", vars("programId", "never-heard-of-it")), "repProgress");
		assertThat(reps.path("totalCount").asLong()).isZero();
		assertThat(reps.path("edges")).isEmpty();
		assertThat(reps.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		JsonNode compliance = OracleDashboards
			.data(stack.graphQl(reader, "compliance", vars("programId", "never-heard-of-it")), "compliance");
		assertThat(compliance.path("compliant").asLong()).isZero();
		assertThat(compliance.path("nonCompliantReps").path("edges")).isEmpty();
		assertThat(OracleDashboards.data(
				stack.graphQl(reader, "quizStats", vars("programId", "never-heard-of-it", "lessonId", "nor-this")),
				"quizStats"))
			.isEmpty();
		assertThat(OracleDashboards.data(
				stack.graphQl(reader, "videoDropoff", vars("programId", "never-heard-of-it", "lessonId", "nor-this")),
				"videoDropoff"))
			.isEmpty();
		assertThat(OracleDashboards.data(
				stack.graphQl(reader, "leaderboard", vars("programId", "never-heard-of-it", "metric", "ACTIVITY")),
				"leaderboard"))
			.isEmpty();
		assertThat(OracleDashboards.data(stack.graphQl(reader, "contact", vars("id", "nobody")), "contact").isNull())
			.isTrue();
		JsonNode days = OracleDashboards.data(
				stack.graphQl(reader, "activity",
						vars("range", Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-03T00:00:00Z"))),
				"activity");
		assertThat(days).hasSize(2);
		days.forEach(day -> assertThat(day.path("total").asLong()).isZero());
	}

	private void assertBadArgument(String operation, Map<String, Object> variables, String argument) {
		JsonNode response = stack.graphQl(reader, operation, variables);
		JsonNode error = response.path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).as(operation + " " + response)
			.isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("argument").asString()).as(operation + " " + response)
			.isEqualTo(argument);
		assertThat(error.path("message").asString()).doesNotContain("Exception", "elasticsearch");
	}

	private static Map<String, Object> vars(Object... pairs) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			variables.put((String) pairs[i], pairs[i + 1]);
		}
		return variables;
	}

	static List<String> ids(JsonNode connection) {
		List<String> ids = new java.util.ArrayList<>();
		connection.path("edges").forEach(edge -> ids.add(edge.path("node").path("contactId").asString()));
		return ids;
	}

}
