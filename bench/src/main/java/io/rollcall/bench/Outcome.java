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

	/**
	 * Classifies a write ({@code POST /v1/events}): 2xx is {@link Kind#ADMITTED}; HTTP
	 * 429 is {@link Kind#RATE_LIMITED}; 5xx a {@link Kind#SERVER_ERROR}; anything else an
	 * {@link Kind#ERROR} with the body's {@code code} (else {@code HTTP <status>}).
	 */
	static Outcome ofWrite(int status, String body, boolean retryAfter) {
		if (status / 100 == 2) {
			return new Outcome(Kind.ADMITTED, null, retryAfter, 0);
		}
		JsonNode code = parse(body).path("code");
		String named = code.isString() ? code.asString() : "HTTP " + status;
		Kind kind = status >= 500 ? Kind.SERVER_ERROR : (status == 429) ? Kind.RATE_LIMITED : Kind.ERROR;
		return new Outcome(kind, named, retryAfter, 0);
	}

	/**
	 * Classifies an Elasticsearch search answer: HTTP 200 that neither timed out nor lost
	 * a shard is {@link Kind#ADMITTED}; 5xx a {@link Kind#SERVER_ERROR} (e.g.
	 * {@code HTTP 503 search_phase_execution_exception}); 429 (the search queue is full)
	 * and everything else an {@link Kind#ERROR}. A search that ran past its
	 * {@code timeout} answers 200 with partial results: an error too, {@code timed_out}.
	 */
	static Outcome ofSearch(int status, JsonNode body) {
		if (status == 200) {
			if (body.path("timed_out").asBoolean(false)) {
				return new Outcome(Kind.ERROR, "timed_out", false, 0);
			}
			if (body.path("_shards").path("failed").asInt(0) > 0) {
				return new Outcome(Kind.ERROR, "shard_failures", false, 0);
			}
			return new Outcome(Kind.ADMITTED, null, false, 0);
		}
		JsonNode type = body.path("error").path("type");
		String code = "HTTP " + status + (type.isString() ? " " + type.asString() : "");
		return new Outcome(status >= 500 ? Kind.SERVER_ERROR : Kind.ERROR, code, false, 0);
	}

	/** Whether the request got what it asked for. */
	boolean admitted() {
		return this.kind == Kind.ADMITTED;
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

	static JsonNode parse(String body) {
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
