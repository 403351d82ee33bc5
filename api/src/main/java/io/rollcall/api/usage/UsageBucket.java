package io.rollcall.api.usage;

import java.time.Instant;
import java.util.List;

/**
 * What one client used in one hour or day.
 *
 * @param clientId the OAuth client
 * @param start the period's first instant (UTC)
 * @param end the instant after its last
 * @param requests its requests, refused ones included
 * @param costUnits the cost units its GraphQL operations were charged once settled
 * (actual cost, at least 1 per operation; an operation cut off by its deadline keeps its
 * estimate)
 * @param eventsWritten the interaction events accepted from it
 * @param refusals its requests answered with an error, by error code
 */
record UsageBucket(String clientId, Instant start, Instant end, long requests, long costUnits, long eventsWritten,
		List<UsageRefusal> refusals) {
}
