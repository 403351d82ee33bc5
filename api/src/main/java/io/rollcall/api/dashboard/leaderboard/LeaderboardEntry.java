package io.rollcall.api.dashboard;

import io.rollcall.api.search.SearchScope;

/** GraphQL {@code LeaderboardEntry}; {@code scope} as in {@link RepProgressNode}. */
record LeaderboardEntry(int rank, String contactId, double value, SearchScope scope) {
}
