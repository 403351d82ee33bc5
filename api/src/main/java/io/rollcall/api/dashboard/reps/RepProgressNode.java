package io.rollcall.api.dashboard;

import io.rollcall.api.search.SearchScope;
import java.time.Instant;

/**
 * GraphQL {@code RepProgress}. {@code scope} is not a GraphQL field: it is the scope of
 * the query that produced the node, so that the batched contact join reads within the
 * same tenant and teams without looking at the security context again.
 */
record RepProgressNode(String contactId, int lessonsCompleted, Instant lastActivityAt, Double quizAccuracy,
		SearchScope scope) {
}
