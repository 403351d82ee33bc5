package io.rollcall.api.dashboard.lesson;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code quizStats} and {@code videoDropoff} to {@link LessonService}. */
@Controller
record LessonController(LessonService lessons) {

	@QueryMapping
	List<QuestionStats> quizStats(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return lessons.quizStats(programId, lessonId, teamId);
	}

	@QueryMapping
	List<SegmentReach> videoDropoff(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return lessons.videoDropoff(programId, lessonId, teamId);
	}

}
