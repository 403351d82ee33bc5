package io.rollcall.api.dashboard.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VideoDropoffQueryTests {

	@Test
	void eachRepsFurthestSegment() {
		CannedSearch canned = CannedSearch.answeringJson(List.of(reps("rep-1", "rep-2")));

		Map<String, Integer> furthest = new VideoDropoffQuery(canned.search())
			.furthestSegments(CannedSearch.tenant("tenant-a"), "prog-0", "lesson-3");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-events");
			CannedSearch.assertBody(request, getClass(), "video-first-page-request.json");
		});
		assertThat(furthest).isEqualTo(Map.of("rep-1", 1, "rep-2", 2));
	}

	@Test
	void everyRepIsReadPageAfterPage() {
		String[] firstPage = IntStream.range(0, 10_000).mapToObj(i -> "rep-%05d".formatted(i)).toArray(String[]::new);
		CannedSearch canned = CannedSearch.answeringJson(List.of(reps(firstPage), reps("rep-10000")));

		Map<String, Integer> furthest = new VideoDropoffQuery(canned.search())
			.furthestSegments(CannedSearch.tenant("tenant-a"), "prog-0", "lesson-3");

		assertThat(furthest).hasSize(10_001).containsEntry("rep-09999", 10_000).containsEntry("rep-10000", 1);
		assertThat(canned.requests()).hasSize(2);
		assertThat(CannedSearch.body(canned.requests().get(1))).contains("\"after\":{\"contact\":\"rep-09999\"}");
	}

	@Test
	void aLessonWithoutVideoProgressHasNoReps() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		assertThat(new VideoDropoffQuery(canned.search()).furthestSegments(CannedSearch.tenant("tenant-a"), "prog-0",
				"lesson-3"))
			.isEmpty();
	}

	/**
	 * A page of the composite aggregation: the n-th rep's furthest segment is n + 1 (a
	 * segment index, not a count).
	 */
	private static String reps(String... contactIds) {
		StringBuilder buckets = new StringBuilder();
		for (int i = 0; i < contactIds.length; i++) {
			buckets.append(i == 0 ? "" : ",")
				.append("{\"key\":{\"contact\":\"%s\"},\"doc_count\":3,\"max#furthest\":{\"value\":%d.0}}"
					.formatted(contactIds[i], i + 1));
		}
		return """
				{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
				 "hits":{"total":{"value":%d,"relation":"eq"},"max_score":null,"hits":[]},
				 "aggregations":{"composite#reps":{"after_key":{"contact":"%s"},"buckets":[%s]}}}
				""".formatted(3 * contactIds.length, contactIds[contactIds.length - 1], buckets);
	}

}
