package io.rollcall.api.ratelimit;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A rate limit is exhausted: {@code RATE_LIMITED}, HTTP 429 with {@code Retry-After} and
 * the {@code RateLimit-Policy}/{@code RateLimit} headers; {@code retryAfterMs} says when
 * the request would pass.
 */
public final class RateLimitedException extends RollcallException {

	private final Duration retryAfter;

	private final Map<String, String> headers;

	private final List<RateLimitHeaders.Reading> readings;

	RateLimitedException(String message, Duration retryAfter, RateLimitHeaders headers) {
		super(ErrorCode.RATE_LIMITED, message);
		this.retryAfter = retryAfter;
		this.readings = headers.readings();
		Map<String, String> all = new LinkedHashMap<>(headers.asMap());
		all.put(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
		this.headers = Map.copyOf(all);
	}

	/** Whole seconds, rounded up and at least 1, as {@code Retry-After} needs. */
	static long retryAfterSeconds(Duration retryAfter) {
		long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

	/** What the charged buckets held when the request was refused. */
	List<RateLimitHeaders.Reading> readings() {
		return readings;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("retryAfterMs", Math.max(1, retryAfter.toMillis()));
	}

	@Override
	public Map<String, String> headers() {
		return headers;
	}

}
