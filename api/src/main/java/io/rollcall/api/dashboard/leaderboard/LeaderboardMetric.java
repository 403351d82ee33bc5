package io.rollcall.api.dashboard.leaderboard;

/** GraphQL {@code LeaderboardMetric}. */
enum LeaderboardMetric {

	LESSONS_COMPLETED, QUIZ_ACCURACY, ACTIVITY

}
