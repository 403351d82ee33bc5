package io.rollcall.api.dashboard.reps;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.search.CannedSearch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepPageQueryTests {

	@Test
	void aPageAsksForOneRowMoreThanItShowsToKnowWhetherAnotherFollows() {
		CannedSearch canned = CannedSearch.answering(getClass(), "first-page-response.json");

		RepPage page = new RepPageQuery(canned.search()).page(CannedSearch.tenant("tenant-a"),
				Filters.rollupsOf("prog-0"), RepSort.QUIZ_ACCURACY, true, 2, null);

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-progress");
			CannedSearch.assertBody(request, getClass(), "first-page-request.json");
		});
		assertThat(page.hasNext()).isTrue();
		assertThat(page.hasPrevious()).as("a first page looks no further back").isFalse();
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.rows()).map(RepRow::rep)
			.containsExactly(new RepHit("rep-3", 40, 4, Instant.parse("2026-01-05T09:00:00Z"), 4, 3),
					new RepHit("rep-1", 12, 1, Instant.parse("2026-01-04T17:30:00.250Z"), 2, 1));
		assertThat(page.rows()).map(row -> row.sortValues().stream().map(FieldValue::_get).toList())
			.containsExactly(List.of(0.75, "rep-3"), List.of(0.5, "rep-1"));
		assertThat(page.rows().getFirst().rep().quizAccuracy()).isEqualTo(0.75);
	}

	@Test
	void aPageContinuesAfterTheSortValuesOfThePreviousOnesLastRow() {
		// The page, then the one-row search before its cursor, which finds rep-1.
		CannedSearch canned = CannedSearch.answering(getClass(), "last-page-response.json",
				"previous-row-response.json");

		RepPage page = new RepPageQuery(canned.search()).page(CannedSearch.contacts("tenant-a", "rep-1", "rep-2"),
				Filters.rollupsOf("prog-0"), RepSort.LESSONS_COMPLETED, false, 2,
				List.of(FieldValue.of(0), FieldValue.of("rep-1")));

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "next-page-request.json");
		CannedSearch.assertBody(canned.requests().get(1), getClass(), "previous-row-request.json");
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isTrue();
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.rows()).singleElement().satisfies(row -> {
			assertThat(row.rep().contactId()).isEqualTo("rep-2");
			assertThat(row.rep().quizAccuracy()).isNull();
		});
	}

	@Test
	void aBackwardPageIsTheReversedSearchReadBackToFront() {
		// The page before rep-2 (reversed order, search_after rep-2's values), then the
		// one-row search after rep-2 in the page's own order, which finds nothing.
		CannedSearch canned = CannedSearch.answering(getClass(), "previous-row-response.json", "no-row-response.json");

		RepPage page = new RepPageQuery(canned.search()).page(CannedSearch.contacts("tenant-a", "rep-1", "rep-2"),
				Filters.rollupsOf("prog-0"), RepSort.LESSONS_COMPLETED, false, 2,
				List.of(FieldValue.of(1), FieldValue.of("rep-2")), true);

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "backward-page-request.json");
		assertThat(CannedSearch.body(canned.requests().get(1))).contains("\"size\":1")
			.contains("{\"lessons_completed_count\":{\"order\":\"asc\"}},{\"contact_id\":{\"order\":\"asc\"}}");
		assertThat(page.rows()).map(row -> row.rep().contactId()).containsExactly("rep-1");
		assertThat(page.hasPrevious()).isFalse();
		assertThat(page.hasNext()).isFalse();
	}

}
