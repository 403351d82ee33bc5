package io.rollcall.api.dashboard.reps;

import io.rollcall.api.search.SearchScope;
import java.time.Instant;

/**
 * GraphQL {@code RepProgress}. {@code scope} is not a GraphQL field: it is the scope of
 * the query that produced the node, so that the batched contact join reads within the
 * same tenant and teams without looking at the security context again.
 */
public record RepProgressNode(String contactId, int lessonsCompleted, Instant lastActivityAt, Double quizAccuracy,
		SearchScope scope) {

	static RepProgressNode of(RepHit rep, SearchScope scope) {
		return new RepProgressNode(rep.contactId(), rep.lessonsCompleted(), rep.lastActivityAt(), rep.quizAccuracy(),
				scope);
	}

}
