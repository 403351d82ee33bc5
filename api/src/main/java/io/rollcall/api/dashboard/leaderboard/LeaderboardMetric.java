package io.rollcall.api.dashboard;

/** GraphQL {@code LeaderboardMetric}. */
enum LeaderboardMetric {

	LESSONS_COMPLETED, QUIZ_ACCURACY, ACTIVITY

}
