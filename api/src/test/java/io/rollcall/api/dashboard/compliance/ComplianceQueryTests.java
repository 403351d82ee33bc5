package io.rollcall.api.dashboard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.dashboard.reps.RepPage;
import io.rollcall.api.dashboard.reps.RepPageQuery;
import io.rollcall.api.dashboard.reps.RepRow;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceQueryTests {

	private static final SearchScope TEAM = CannedSearch.contacts("tenant-a", "rep-3", "rep-1", "rep-2");

	private static final List<String> REQUIRED = List.of("lesson-1", "lesson-2");

	@Test
	void theLessonsSeenAreTheWholeTenantsWhoeverLooks() {
		CannedSearch canned = CannedSearch.answering(getClass(), "lessons-seen-response.json");

		List<String> lessons = query(canned).lessonsSeen(TEAM, "prog-0");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-events");
			CannedSearch.assertBody(request, getClass(), "lessons-seen-request.json");
		});
		assertThat(lessons).containsExactly("lesson-1", "lesson-10", "lesson-2");
	}

	@Test
	void theCompliantAreCountedByAFilterAndTheRestAreNonCompliant() {
		CannedSearch canned = CannedSearch.answering(getClass(), "counts-response.json");

		ComplianceCounts counts = query(canned).counts(TEAM, "prog-0", REQUIRED);

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-progress");
			CannedSearch.assertBody(request, getClass(), "counts-request.json");
		});
		assertThat(counts).isEqualTo(new ComplianceCounts(1, 2));
	}

	@Test
	void theNonCompliantArePagedByContactId() {
		// The page, then the one-row search before its cursor.
		CannedSearch canned = CannedSearch.answering(getClass(), "non-compliant-response.json",
				"non-compliant-response.json");

		RepPage page = query(canned).nonCompliant(CannedSearch.tenant("tenant-a"), "prog-0", REQUIRED, 1,
				List.of(FieldValue.of("rep-1")));

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "non-compliant-request.json");
		assertThat(page.rows()).map(RepRow::rep).singleElement().satisfies(rep -> {
			assertThat(rep.contactId()).isEqualTo("rep-3");
			assertThat(rep.lessonsCompleted()).isEqualTo(1);
		});
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isTrue();
		assertThat(page.total()).isEqualTo(2);
	}

	private static ComplianceQuery query(CannedSearch canned) {
		return new ComplianceQuery(canned.search(), new RepPageQuery(canned.search()));
	}

}
