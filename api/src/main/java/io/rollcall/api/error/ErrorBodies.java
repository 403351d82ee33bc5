package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON error shape of the REST API: {@code {"code", "message", ...details}}. */
public final class ErrorBodies {

	private ErrorBodies() {
	}

	public static Map<String, Object> of(ErrorCode code, String message) {
		return of(code, message, Map.of());
	}

	static Map<String, Object> of(ErrorCode code, String message, Map<String, Object> details) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code.name());
		body.put("message", message);
		body.putAll(details);
		return body;
	}

	static Map<String, Object> of(RollcallException exception) {
		return of(exception.code(), exception.getMessage(), exception.details());
	}

	static Map<String, Object> of(UnavailableException exception) {
		return of(ErrorCode.UNAVAILABLE, exception.getMessage(), unavailableDetails(exception));
	}

	/**
	 * The details of {@code UNAVAILABLE}: when to retry. A store's unavailability is
	 * reported by the platform module, which knows nothing of the api's error codes.
	 */
	public static Map<String, Object> unavailableDetails(UnavailableException exception) {
		return Map.of("retryAfterMs", exception.retryAfter().toMillis());
	}

}
