package io.rollcall.api.dashboard.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizStatsQueryTests {

	@Test
	void attemptsAndCorrectAnswersPerQuestionById() {
		CannedSearch canned = CannedSearch.answering(getClass(), "questions-response.json");

		List<QuestionStats> questions = new QuizStatsQuery(canned.search()).questions(CannedSearch.tenant("tenant-a"),
				"prog-0", "lesson-3");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-events");
			CannedSearch.assertBody(request, getClass(), "questions-request.json");
		});
		assertThat(questions).containsExactly(new QuestionStats("q-1", 3, 3, 1.0),
				new QuestionStats("q-2", 4, 1, 0.25));
	}

	@Test
	void aLessonWithoutAnswersHasNoQuestions() {
		CannedSearch canned = CannedSearch.answering(CannedSearch.class, "no-hits.json");

		assertThat(new QuizStatsQuery(canned.search()).questions(CannedSearch.tenant("tenant-a"), "prog-0", "lesson-3"))
			.isEmpty();
	}

}
