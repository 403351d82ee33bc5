package io.rollcall.api.search;

import java.time.Instant;
import java.util.Set;

/**
 * Events in [from, to), bucketed by a UTC calendar interval.
 *
 * @param from inclusive start
 * @param to exclusive end
 * @param interval the bucket width
 * @param types event type names to count; empty for all
 * @param programId the program, or {@code null} for all
 */
public record ActivityQuery(Instant from, Instant to, Interval interval, Set<String> types, String programId) {

	public ActivityQuery {
		types = Set.copyOf(types);
	}

	/** Calendar buckets in UTC (weeks start on Monday, as in Elasticsearch). */
	public enum Interval {

		HOUR, DAY, WEEK

	}

}
