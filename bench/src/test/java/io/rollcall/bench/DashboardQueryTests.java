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

	@Test
	void theLargestRepPageIsMeasuredInScenarioEAndAManagersPageInTheRush() {
		DashboardQuery largest = query("repProgress");
		DashboardQuery manager = DashboardQuery.named("repProgress", DashboardQuery.managerMix());
		assertThat(JsonHttp.JSON.readTree(largest.graphQlRequest()).at("/variables/first").asInt()).isEqualTo(500);
		assertThat(JsonHttp.JSON.readTree(largest.elasticsearchBodies(Tenant.DEMO).get(0)).path("size").asInt())
			.isEqualTo(501);
		JsonNode request = JsonHttp.JSON.readTree(manager.graphQlRequest());
		assertThat(request.at("/variables/first").isInt()).isTrue();
		assertThat(request.at("/variables/first").asInt()).isEqualTo(50);
		assertThat(JsonHttp.JSON.readTree(manager.elasticsearchBodies(Tenant.DEMO).get(0)).path("size").asInt())
			.isEqualTo(51);
		assertThat(JsonHttp.JSON.readTree(manager.plainBodies(Tenant.DEMO).get(0))
			.at("/aggregations/reps/terms/size")
			.asInt()).isEqualTo(50);
		assertThat(DashboardQuery.managerMix()).extracting(DashboardQuery::name)
			.containsExactlyElementsOf(DashboardQuery.all().stream().map(DashboardQuery::name).toList());
	}

	@Test
	void plainRequestsAggregateTheTenantsRawEventsOnly() {
		assertThat(DashboardQuery.managerMix()).allSatisfy((query) -> {
			assertThat(query.plain()).isNotEmpty()
				.allSatisfy((request) -> assertThat(request.index().apply(new IndexNames("rollcall")))
					.isEqualTo("rollcall-events"));
			assertThat(query.plainBodies(Tenant.OTHER)).allSatisfy((body) -> {
				JsonNode json = JsonHttp.JSON.readTree(body);
				assertThat(json.path("size").asInt(-1)).isZero();
				assertThat(json.path("query").path("bool").path("filter").get(0).toString())
					.isEqualTo("{\"term\":{\"tenant_id\":{\"value\":\"other\"}}}");
				assertThat(json.path("aggregations").isObject()).isTrue();
			});
		});
	}

	@Test
	void plainRequestsAnswerFromCardinalitiesWhereTheGatewayReadsRollups() {
		JsonNode summary = JsonHttp.JSON.readTree(plain("programSummary").get(0));
		assertThat(summary.at("/aggregations/active_reps/cardinality/field").asString()).isEqualTo("contact_id");
		assertThat(summary.at("/aggregations/lessons/aggregations/completed/aggregations/reps/cardinality/field")
			.asString()).isEqualTo("contact_id");
		JsonNode leaders = JsonHttp.JSON.readTree(plain("leaderboard").get(0));
		assertThat(leaders.at("/aggregations/leaders/terms/order/0").toString())
			.isEqualTo("{\"completed>lessons\":\"desc\"}");
		List<String> compliance = plain("compliance");
		assertThat(compliance).hasSize(2);
		assertThat(JsonHttp.JSON.readTree(compliance.get(1)).at("/aggregations/reps/composite/size").asInt())
			.isEqualTo(10_000);
		assertThat(plain("activity")).isEqualTo(query("activity").elasticsearchBodies(Tenant.DEMO));
	}

	private static List<String> plain(String name) {
		return DashboardQuery.named(name, DashboardQuery.managerMix()).plainBodies(Tenant.DEMO);
	}

	private static DashboardQuery query(String name) {
		return DashboardQuery.named(name, DashboardQuery.all());
	}

}
