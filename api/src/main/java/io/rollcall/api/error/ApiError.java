package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error as clients see it, and the one place its JSON is shaped: a stable
 * {@link ErrorCode}, a message safe to show, and the fields that say more
 * ({@code retryAfterMs}, {@code violations}, {@code cost}...). A REST answer carries
 * {@link #restBody()}; a GraphQL error carries {@link #extensions()} and the code's
 * coarse classification ({@link ApiGraphQlError}); a filter that answers {@code /graphql}
 * before Spring for GraphQL runs writes {@link #graphQlBody()}.
 *
 * @param code the stable code
 * @param message what went wrong, safe to show
 * @param details the extra client-facing fields, in order
 */
public record ApiError(ErrorCode code, String message, Map<String, Object> details) {

	/** No valid bearer token: the one wording every layer answers with. */
	public static final ApiError UNAUTHENTICATED = of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");

	/** A valid token without the scope the operation needs. */
	public static final ApiError FORBIDDEN = of(ErrorCode.FORBIDDEN, "the token lacks the scope this operation needs");

	/** Anything unexpected: the details are logged, never sent. */
	static final ApiError INTERNAL = of(ErrorCode.INTERNAL, "internal error");

	public ApiError {
		// A copy that keeps the order and allows nulls (a violation's missing id is sent
		// as null).
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	public static ApiError of(ErrorCode code, String message) {
		return new ApiError(code, message, Map.of());
	}

	public static ApiError of(RollcallException exception) {
		return new ApiError(exception.code(), exception.getMessage(), exception.details());
	}

	/**
	 * A store's unavailability, reported by the platform module (which knows nothing of
	 * the api's codes): {@code UNAVAILABLE} with when to retry.
	 */
	public static ApiError of(UnavailableException exception) {
		return new ApiError(ErrorCode.UNAVAILABLE, exception.getMessage(),
				Map.of("retryAfterMs", exception.retryAfter().toMillis()));
	}

	/** GraphQL's {@code extensions}: {@code {"code", ...details}}. */
	public Map<String, Object> extensions() {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(details);
		return extensions;
	}

	/** The REST body: {@code {"code", "message", ...details}}. */
	public Map<String, Object> restBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code.name());
		body.put("message", message);
		body.putAll(details);
		return body;
	}

	/**
	 * A whole GraphQL-over-HTTP response with this error only, for answers written before
	 * Spring for GraphQL runs: {@code {"errors": [{"message", "extensions"}]}}.
	 */
	public Map<String, Object> graphQlBody() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", extensions());
		return Map.of("errors", List.of(error));
	}

}
