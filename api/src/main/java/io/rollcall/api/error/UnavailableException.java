package io.rollcall.api.error;

import java.time.Duration;
import java.util.Map;

/**
 * A backing service is down, unreachable or overloaded: the client should retry later.
 */
public final class UnavailableException extends RollcallException {

	private final Duration retryAfter;

	public UnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(ErrorCode.UNAVAILABLE, message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("retryAfterMs", retryAfter.toMillis());
	}

}
