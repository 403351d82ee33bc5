package io.rollcall.api.isolation;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.time.Duration;
import java.util.Map;

/**
 * The tenant's searches on this instance are all busy and the request waited its turn too
 * long: {@code OVERLOADED}, retry after {@code retryAfterMs}.
 */
final class OverloadedException extends RollcallException {

	private final Duration retryAfter;

	OverloadedException(Duration retryAfter) {
		super(ErrorCode.OVERLOADED, "too many concurrent searches for this tenant, retry later");
		this.retryAfter = retryAfter;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("retryAfterMs", retryAfter.toMillis());
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

}
