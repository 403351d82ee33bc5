package io.rollcall.api.dashboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogQueryTests {

	@Test
	void aProgramsEntryIsTheSameForATeamAsForTheTenant() {
		CannedSearch canned = CannedSearch.answering(getClass(), "program-response.json");

		var entry = new CatalogQuery(canned.search()).program(CannedSearch.contacts("tenant-a", "rep-1"), "prog-0");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-programs");
			CannedSearch.assertBody(request, getClass(), "program-request.json");
		});
		assertThat(entry).contains(new ProgramRow("prog-0", "Onboarding", List.of("lesson-3", "lesson-1"),
				Instant.parse("2026-03-01T00:00:00Z")));
	}

	@Test
	void aProgramWithoutEntryHasNone() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		assertThat(new CatalogQuery(canned.search()).program(CannedSearch.tenant("tenant-a"), "prog-0")).isEmpty();
	}

}
