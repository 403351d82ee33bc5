package io.rollcall.api.dashboard.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramSummaryServiceTests {

	@Test
	void mergesStartedAndCompletedLessonsSortedById() {
		ProgramProgress progress = new ProgramProgress(4, 120, 10, 7,
				Map.of("lesson-1", 4L, "lesson-0", 4L, "lesson-2", 1L),
				Map.of("lesson-0", 3L, "lesson-1", 2L, "lesson-3", 1L));

		ProgramSummary summary = ProgramSummaryService.summarize("prog-0", progress, List.of());

		assertThat(summary.totalEvents()).isEqualTo(120);
		assertThat(summary.activeReps()).isEqualTo(4);
		assertThat(summary.quizAccuracy()).isEqualTo(0.7);
		assertThat(summary.lessons()).containsExactly(new LessonReach("lesson-0", 4, 3),
				new LessonReach("lesson-1", 4, 2), new LessonReach("lesson-2", 1, 0),
				new LessonReach("lesson-3", 0, 1));
	}

	@Test
	void anUnknownProgramIsAllZerosAndNoAccuracy() {
		ProgramSummary summary = ProgramSummaryService.summarize("nope", ProgramProgress.empty(), List.of());

		assertThat(summary).isEqualTo(new ProgramSummary("nope", 0, 0, null, List.of()));
	}

	@Test
	void catalogLessonsComeFirstInCatalogOrderThenOthersById() {
		ProgramProgress progress = new ProgramProgress(2, 10, 0, 0, Map.of("lesson-9", 1L, "lesson-1", 2L),
				Map.of("lesson-1", 1L));

		ProgramSummary summary = ProgramSummaryService.summarize("prog-0", progress, List.of("lesson-3", "lesson-1"));

		assertThat(summary.lessons()).containsExactly(new LessonReach("lesson-3", 0, 0),
				new LessonReach("lesson-1", 2, 1), new LessonReach("lesson-9", 1, 0));
	}

}
