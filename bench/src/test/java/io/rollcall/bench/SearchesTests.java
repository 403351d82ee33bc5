package io.rollcall.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SearchesTests {

	private static final JsonNode BODY = JsonHttp.JSON.readTree("""
			{"size":0,"aggregations":{"reps":{"composite":{"size":2,
			  "sources":[{"contact":{"terms":{"field":"contact_id"}}}]},
			  "aggregations":{"furthest":{"max":{"field":"segment"}}}}}}""");

	@Test
	void aFullCompositePageIsAskedAgainAfterItsAfterKey() {
		JsonNode answer = JsonHttp.JSON.readTree("""
				{"aggregations":{"composite#reps":{"after_key":{"contact":"demo-rep-1"},
				  "buckets":[{"key":{"contact":"demo-rep-0"}},{"key":{"contact":"demo-rep-1"}}]}}}""");
		JsonNode next = Searches.nextPage(BODY, answer);
		assertThat(next.at("/aggregations/reps/composite/after").toString()).isEqualTo("{\"contact\":\"demo-rep-1\"}");
		assertThat(next.at("/aggregations/reps/aggregations")).isEqualTo(BODY.at("/aggregations/reps/aggregations"));
		assertThat(BODY.at("/aggregations/reps/composite/after").isMissingNode()).isTrue();
	}

	@Test
	void aShortPageOrAnAnswerWithoutCompositeIsTheLast() {
		JsonNode shortPage = JsonHttp.JSON.readTree("""
				{"aggregations":{"composite#reps":{"after_key":{"contact":"demo-rep-0"},
				  "buckets":[{"key":{"contact":"demo-rep-0"}}]}}}""");
		assertThat(Searches.nextPage(BODY, shortPage)).isNull();
		assertThat(Searches.nextPage(BODY, JsonHttp.JSON.readTree("""
				{"aggregations":{"sterms#lessons":{"buckets":[]}}}"""))).isNull();
		assertThat(Searches.nextPage(BODY, JsonHttp.JSON.readTree("{\"hits\":{}}"))).isNull();
	}

}
