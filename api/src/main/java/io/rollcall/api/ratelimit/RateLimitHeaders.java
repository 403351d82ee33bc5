package io.rollcall.api.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} headers of
 * draft-ietf-httpapi-ratelimit-headers: one item per bucket the request was charged to,
 * e.g. {@code RateLimit-Policy: "tenant";q=200000;w=100, "client";q=100000;w=100} and
 * {@code RateLimit: "tenant";r=199796;t=1, "client";r=99796;t=1}. {@code q} is in cost
 * units (GraphQL) or events (writes), {@code w} the seconds an empty bucket takes to
 * refill, {@code r} what remains and {@code t} the seconds until the bucket is full
 * again.
 *
 * @see <a href=
 * "https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/">RateLimit
 * header fields for HTTP</a>
 */
record RateLimitHeaders(List<Reading> readings) {

	static final String POLICY = "RateLimit-Policy";

	static final String RATE_LIMIT = "RateLimit";

	Map<String, String> asMap() {
		if (readings.isEmpty()) {
			return Map.of();
		}
		String policy = readings.stream()
			.map(reading -> quoted(reading.limit().policy()) + ";q=" + reading.limit().capacity() + ";w="
					+ reading.limit().windowSeconds())
			.collect(Collectors.joining(", "));
		String limit = readings.stream()
			.map(reading -> quoted(reading.limit().policy()) + ";r=" + Math.max(0, reading.remaining()) + ";t="
					+ reading.secondsToFull())
			.collect(Collectors.joining(", "));
		return Map.of(POLICY, policy, RATE_LIMIT, limit);
	}

	private static String quoted(String name) {
		return '"' + name + '"';
	}

	/**
	 * What one bucket held after the request was charged.
	 *
	 * @param limit the bucket
	 * @param remaining its tokens (negative while in debt after a costlier-than-estimated
	 * response)
	 * @param nanosToFull nanoseconds until it is full again
	 */
	record Reading(BucketStore.Limit limit, long remaining, long nanosToFull) {

		long secondsToFull() {
			return (nanosToFull + 999_999_999L) / 1_000_000_000L;
		}

	}

}
