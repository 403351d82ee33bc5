package io.rollcall.api.error;

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

}
