package io.rollcall.api.isolation;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.time.Duration;
import java.util.Map;

/** The request outlived its deadline: {@code DEADLINE_EXCEEDED}. */
final class DeadlineExceededException extends RollcallException {

	private final Duration retryAfter;

	DeadlineExceededException(Duration deadline, Duration retryAfter) {
		super(ErrorCode.DEADLINE_EXCEEDED, "the request did not finish within " + deadline.toMillis() + " ms");
		this.retryAfter = retryAfter;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("retryAfterMs", retryAfter.toMillis());
	}

}
