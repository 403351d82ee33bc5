package io.rollcall.api.dashboard;

/** GraphQL {@code LessonReach}. */
record LessonReach(String lessonId, long startedReps, long completedReps) {
}
