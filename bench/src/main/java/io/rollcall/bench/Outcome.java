package io.rollcall.bench;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What became of one request of a client population (the noisy-neighbour and the
 * morning-rush phases), from its HTTP status and body: a GraphQL query, a write, or a
 * search sent straight to Elasticsearch.
 *
 * @param kind the class the request is counted in
 * @param code the GraphQL error's {@code extensions.code} (or {@code HTTP <status>} when
 * the body has none) for anything but {@link Kind#ADMITTED}; {@code null} when admitted
 * @param retryAfter whether the response carried a {@code Retry-After} header
 * @param actualCost the response's {@code extensions.cost.actualQueryCost} (0 when
 * absent)
 */
record Outcome(Kind kind, String code, boolean retryAfter, long actualCost) {

	/** The request ran out of the client's HTTP timeout: no answer at all. */
	static Outcome timeout() {
		return new Outcome(Kind.TIMEOUT, "TIMEOUT", false, 0);
	}

	/** The request failed below HTTP (connection refused, reset...). */
	static Outcome failure(Exception exception) {
		return new Outcome(Kind.ERROR, exception.getClass().getSimpleName(), false, 0);
	}

	/**
	 * A request that got no answer: a {@link #timeout()} when the client's timeout ran
	 * out, else a {@link #failure}.
	 */
	static Outcome unanswered(UncheckedIOException exception) {
		return (exception.getCause() instanceof HttpTimeoutException) ? timeout() : failure(exception.getCause());
	}

	/**
	 * Classifies an answer to a query whose root field is {@code field}: any 5xx is a
	 * {@link Kind#SERVER_ERROR}; HTTP 429 whose error is {@code RATE_LIMITED} is
	 * {@link Kind#RATE_LIMITED}; HTTP 200 with {@code data.<field>} and no error is
	 * {@link Kind#ADMITTED}; everything else is an {@link Kind#ERROR}.
	 */
	static Outcome of(int status, String body, boolean retryAfter, String field) {
		JsonNode json = parse(body);
		String code = errorCode(json, status);
		long actualCost = json.path("extensions").path("cost").path("actualQueryCost").asLong(0);
		Kind kind;
		if (status >= 500) {
			kind = Kind.SERVER_ERROR;
		}
		else if (status == 429 && "RATE_LIMITED".equals(code)) {
			kind = Kind.RATE_LIMITED;
		}
		else if (status == 200 && code == null && !json.path("data").path(field).isMissingNode()
				&& !json.path("data").path(field).isNull()) {
			kind = Kind.ADMITTED;
		}
		else {
			kind = Kind.ERROR;
			code = code == null ? "HTTP " + status : code;
		}
		return new Outcome(kind, code, retryAfter, actualCost);
	}

	/** The first error's code, {@code HTTP <status>} for an error without one. */
	private static String errorCode(JsonNode json, int status) {
		JsonNode errors = json.path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			return status >= 400 ? "HTTP " + status : null;
		}
		JsonNode code = errors.get(0).path("extensions").path("code");
		return code.isString() ? code.asString() : "HTTP " + status;
	}

	private static JsonNode parse(String body) {
		try {
			return JsonHttp.JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return JsonHttp.JSON.missingNode();
		}
	}

	/** The classes a request is counted in. */
	enum Kind {

		/** HTTP 200 with the field's data and no error. */
		ADMITTED,
		/** HTTP 429 with {@code RATE_LIMITED}. */
		RATE_LIMITED,
		/** Any other answer below 500: another GraphQL error, another status. */
		ERROR,
		/** No answer within the client's timeout. */
		TIMEOUT,
		/** HTTP 5xx. */
		SERVER_ERROR

	}

}
