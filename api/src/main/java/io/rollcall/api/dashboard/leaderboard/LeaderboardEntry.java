package io.rollcall.api.dashboard.leaderboard;

import io.rollcall.api.search.SearchScope;

/**
 * GraphQL {@code LeaderboardEntry}; {@code scope} as in
 * {@link io.rollcall.api.dashboard.reps.RepProgressNode}.
 */
record LeaderboardEntry(int rank, String contactId, double value, SearchScope scope) {
}
