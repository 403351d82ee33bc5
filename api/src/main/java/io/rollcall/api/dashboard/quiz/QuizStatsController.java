package io.rollcall.api.dashboard.quiz;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code quizStats} to {@link QuizStatsService}. */
@Controller
record QuizStatsController(QuizStatsService quizzes) {

	@QueryMapping
	List<QuestionStats> quizStats(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return quizzes.quizStats(programId, lessonId, teamId);
	}

}
