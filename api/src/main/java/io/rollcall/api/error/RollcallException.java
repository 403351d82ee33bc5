package io.rollcall.api.error;

import java.util.Map;

/**
 * The base of every domain exception: a stable {@link ErrorCode}, a message safe to show
 * to the client, and extra fields that go to the REST body and to GraphQL
 * {@code extensions}.
 */
public abstract class RollcallException extends RuntimeException {

	private final ErrorCode code;

	protected RollcallException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	protected RollcallException(ErrorCode code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

	/**
	 * HTTP headers a REST answer carries for this error (e.g. {@code Retry-After}); empty
	 * by default.
	 */
	public Map<String, String> headers() {
		return Map.of();
	}

	/** Extra client-facing fields (besides code and message); empty by default. */
	public Map<String, Object> details() {
		return Map.of();
	}

}
