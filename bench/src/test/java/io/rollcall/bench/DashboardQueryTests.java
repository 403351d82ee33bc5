package io.rollcall.bench;

import io.rollcall.schema.index.IndexNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardQueryTests {

	@Test
	void everyQueryHasADocumentAndResolvableSearchBodies() {
		assertThat(DashboardQuery.all()).isNotEmpty().allSatisfy((query) -> {
			assertThat(query.document()).contains(query.name() + "(");
			assertThat(query.requests()).isNotEmpty();
			assertThat(query.elasticsearchBodies(Tenant.DEMO)).hasSameSizeAs(query.requests()).allSatisfy((body) -> {
				JsonNode json = JsonHttp.JSON.readTree(body);
				assertThat(json.path("track_total_hits").asBoolean()).isTrue();
				assertThat(json.path("query").path("bool").path("filter").get(0).toString())
					.isEqualTo("{\"term\":{\"tenant_id\":{\"value\":\"demo\"}}}");
			});
			assertThat(query.requests()).allSatisfy(
					(request) -> assertThat(request.index().apply(new IndexNames("rollcall"))).startsWith("rollcall-"));
			JsonNode request = JsonHttp.JSON.readTree(query.graphQlRequest());
			assertThat(request.path("query").asString()).isEqualTo(query.document());
		});
	}

	@Test
	void everyDashboardQueryIsMeasured() {
		assertThat(DashboardQuery.all()).extracting(DashboardQuery::name)
			.containsExactly("programSummary", "repProgress", "compliance", "activity", "quizStats", "videoDropoff",
					"leaderboard");
	}

	@Test
	void programSummaryAsksTheProgressIndexForTheProgram() {
		DashboardQuery summary = query("programSummary");
		assertThat(summary.requests()).singleElement()
			.satisfies((request) -> assertThat(request.index().apply(new IndexNames("rollcall")))
				.isEqualTo("rollcall-progress"));
		assertThat(summary.elasticsearchBodies(Tenant.OTHER)).singleElement()
			.asString()
			.contains("\"other\"")
			.contains("\"" + summary.variables().get("programId") + "\"");
	}

	@Test
	void complianceSendsTheGatewaysThreeSearchesWithEveryLessonRequired() {
		DashboardQuery compliance = query("compliance");
		assertThat(compliance.requests()).extracting((request) -> request.index().apply(new IndexNames("rollcall")))
			.containsExactly("rollcall-programs", "rollcall-events", "rollcall-progress");
		JsonNode counts = JsonHttp.JSON.readTree(compliance.elasticsearchBodies(Tenant.DEMO).get(2));
		JsonNode required = counts.at("/aggregations/compliant/filter/bool/filter");
		assertThat(required.size()).isEqualTo(Dataset.LESSONS);
		assertThat(required.get(2).toString()).contains("lesson-10");
		assertThat(counts.path("size").asInt()).isZero();
		assertThat(counts.path("track_total_hits").asBoolean()).isTrue();
	}

	@Test
	void activityBoundsAreTheRangeInEpochMillis() {
		JsonNode body = JsonHttp.JSON.readTree(query("activity").elasticsearchBodies(Tenant.DEMO).get(0));
		JsonNode bounds = body.at("/aggregations/buckets/date_histogram/extended_bounds");
		assertThat(bounds.path("max").asLong() - bounds.path("min").asLong()).isEqualTo(30L * 86_400_000 - 1);
	}

	private static DashboardQuery query(String name) {
		return DashboardQuery.all().stream().filter((query) -> query.name().equals(name)).findFirst().orElseThrow();
	}

}
