package io.rollcall.bench;

import io.rollcall.schema.index.IndexNames;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardQueryTests {

	@Test
	void everyQueryHasADocumentAndAResolvableSearchBody() {
		assertThat(DashboardQuery.all()).isNotEmpty().allSatisfy((query) -> {
			assertThat(query.document()).contains(query.name() + "(");
			JsonNode body = JsonHttp.JSON.readTree(query.elasticsearchBody(Tenant.DEMO));
			assertThat(body.path("size").asInt(-1)).isZero();
			assertThat(body.toString()).contains("\"tenant_id\":{\"value\":\"demo\"}");
			assertThat(query.index().apply(new IndexNames("rollcall"))).startsWith("rollcall-");
			JsonNode request = JsonHttp.JSON.readTree(query.graphQlRequest());
			assertThat(request.path("query").asString()).isEqualTo(query.document());
		});
	}

	@Test
	void programSummaryAsksTheProgressIndexForTheProgram() {
		DashboardQuery summary = DashboardQuery.all()
			.stream()
			.filter((query) -> query.name().equals("programSummary"))
			.findFirst()
			.orElseThrow();
		assertThat(summary.index().apply(new IndexNames("rollcall"))).isEqualTo("rollcall-progress");
		assertThat(summary.elasticsearchBody(Tenant.OTHER)).contains("\"other\"")
			.contains("\"" + summary.variables().get("programId") + "\"");
	}

}
