package io.rollcall.api.dashboard.summary;

import java.util.List;

/** GraphQL {@code ProgramSummary}. */
record ProgramSummary(String programId, long totalEvents, long activeReps, Double quizAccuracy,
		List<LessonReach> lessons) {
}
