package io.rollcall.api.dashboard.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramSummaryQueryTests {

	@Test
	void sumsTheProgramsRollupsAndCountsRepsPerLesson() {
		CannedSearch canned = CannedSearch.answering(getClass(), "progress-response.json");

		ProgramProgress progress = new ProgramSummaryQuery(canned.search()).progress(CannedSearch.tenant("tenant-a"),
				"prog-0");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-progress");
			CannedSearch.assertBody(request, getClass(), "progress-request.json");
		});
		assertThat(progress).isEqualTo(
				new ProgramProgress(3, 120, 10, 7, Map.of("lesson-0", 3L, "lesson-1", 2L), Map.of("lesson-0", 2L)));
	}

	@Test
	void noRollupsIsAllZeros() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-rollups-response.json");

		ProgramProgress progress = new ProgramSummaryQuery(canned.search()).progress(CannedSearch.tenant("tenant-a"),
				"prog-0");

		assertThat(progress).isEqualTo(ProgramProgress.empty());
	}

}
