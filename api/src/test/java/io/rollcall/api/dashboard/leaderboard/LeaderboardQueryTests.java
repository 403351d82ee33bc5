package io.rollcall.api.dashboard.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.dashboard.reps.RepPageQuery;
import io.rollcall.api.search.CannedSearch;
import org.junit.jupiter.api.Test;

class LeaderboardQueryTests {

	@Test
	void byQuizAccuracyOnlyRepsWithAnswersRank() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		query(canned).leaders(CannedSearch.tenant("tenant-a"), "prog-0", LeaderboardMetric.QUIZ_ACCURACY, 10);

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "quiz-accuracy-request.json");
	}

	@Test
	void byActivityTheMostEventsFirst() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		query(canned).leaders(CannedSearch.tenant("tenant-a"), "prog-0", LeaderboardMetric.ACTIVITY, 10);

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "activity-request.json");
	}

	@Test
	void byLessonsCompletedTheMostLessonsFirst() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		query(canned).leaders(CannedSearch.tenant("tenant-a"), "prog-0", LeaderboardMetric.LESSONS_COMPLETED, 10);

		assertThat(CannedSearch.body(canned.requests().getFirst())).contains(
				"\"sort\":[{\"lessons_completed_count\":{\"order\":\"desc\"}},{\"contact_id\":{\"order\":\"asc\"}}]")
			.doesNotContain("\"range\"");
	}

	private static LeaderboardQuery query(CannedSearch canned) {
		return new LeaderboardQuery(new RepPageQuery(canned.search()));
	}

}
