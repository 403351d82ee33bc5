package io.rollcall.api.dashboard.summary;

/** GraphQL {@code LessonReach}. */
record LessonReach(String lessonId, long startedReps, long completedReps) {
}
