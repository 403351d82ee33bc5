package io.rollcall.api.error;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;

/**
 * The stable codes clients see, in the REST body's {@code code} and in GraphQL's
 * {@code extensions.code}. Each has one HTTP status and one coarse GraphQL
 * classification.
 */
public enum ErrorCode {

	/** The request is invalid; the client must change it. */
	BAD_USER_INPUT(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** The request body is over the configured size limit. */
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, ErrorType.BAD_REQUEST),
	/** No valid bearer token. */
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, ErrorType.UNAUTHORIZED),
	/** A valid token without the scope (or role) the operation needs. */
	FORBIDDEN(HttpStatus.FORBIDDEN, ErrorType.FORBIDDEN),
	/** Nothing at that address. */
	NOT_FOUND(HttpStatus.NOT_FOUND, ErrorType.NOT_FOUND),
	/**
	 * The HTTP method cannot do this: a GraphQL mutation or subscription sent with GET
	 * (the response's {@code Allow} header names the method that can), or a REST endpoint
	 * called with a method it does not take.
	 */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, ErrorType.BAD_REQUEST),
	/**
	 * The request named a persisted document by its hash
	 * ({@code extensions.persistedQuery.sha256Hash}) that this api does not know (yet):
	 * send the hash with the document to register it (Apollo's automatic persisted
	 * queries). The message is Apollo's {@code PersistedQueryNotFound}, which Apollo
	 * Client looks for.
	 */
	PERSISTED_QUERY_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorType.NOT_FOUND),
	/**
	 * The caller's OAuth client runs only the documents registered for it (trusted
	 * documents), and this one is not.
	 */
	PERSISTED_QUERY_NOT_ALLOWED(HttpStatus.FORBIDDEN, ErrorType.FORBIDDEN),
	/**
	 * The document sent with {@code extensions.persistedQuery.sha256Hash} does not hash
	 * to it; nothing was registered.
	 */
	PERSISTED_QUERY_HASH_MISMATCH(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/**
	 * A backing service (Elasticsearch, Redis) is down or overloaded; retry after
	 * {@code retryAfterMs}.
	 */
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, ErrorType.INTERNAL_ERROR),
	/**
	 * The write is accepted and will be applied, but was not visible within the wait
	 * limit.
	 */
	VISIBILITY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, ErrorType.INTERNAL_ERROR),
	/**
	 * A rate limit (query cost per tenant or client, or events per second) is exhausted;
	 * retry after {@code retryAfterMs} (HTTP 429 with {@code Retry-After}).
	 */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, ErrorType.BAD_REQUEST),
	/**
	 * The GraphQL document's estimated cost is over the maximum; {@code cost} says how
	 * much it was.
	 */
	COST_LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** The GraphQL document nests fields deeper than allowed. */
	MAX_DEPTH_EXCEEDED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** The GraphQL document uses more aliases than allowed. */
	MAX_ALIASES_EXCEEDED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** The GraphQL operation selects more root fields than allowed. */
	MAX_ROOT_FIELDS_EXCEEDED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/**
	 * The GraphQL document is over a parser limit (characters, tokens, whitespace tokens
	 * or grammar depth); it was not parsed further.
	 */
	PARSER_LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** A fragment of the GraphQL document spreads itself, directly or not. */
	FRAGMENT_CYCLE(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/** The request body is a JSON array of operations: batching is not supported. */
	BATCHING_NOT_SUPPORTED(HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST),
	/**
	 * The tenant already runs as many searches as it may on this instance and the request
	 * waited its turn too long; retry after {@code retryAfterMs}.
	 */
	OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, ErrorType.INTERNAL_ERROR),
	/** The request did not finish within its deadline. */
	DEADLINE_EXCEEDED(HttpStatus.GATEWAY_TIMEOUT, ErrorType.INTERNAL_ERROR),
	/**
	 * The change cursor is older than the change log keeps: changes after it may be gone.
	 * {@code oldestCursor} is the oldest cursor still complete; resynchronise (e.g. with
	 * {@code repProgress}) and continue after it.
	 */
	CURSOR_EXPIRED(HttpStatus.GONE, ErrorType.BAD_REQUEST),
	/**
	 * A subscriber fell further behind its changes than its buffer holds; it resumes
	 * after {@code lastCursor}, the last change it was sent (nothing is lost: the log
	 * keeps it).
	 */
	SLOW_CONSUMER(HttpStatus.SERVICE_UNAVAILABLE, ErrorType.INTERNAL_ERROR),
	/**
	 * The api instance is shutting down: reconnect (to another instance) and resume after
	 * {@code lastCursor} when there is one.
	 */
	SHUTTING_DOWN(HttpStatus.SERVICE_UNAVAILABLE, ErrorType.INTERNAL_ERROR),
	/** The WebSocket connection already carries as many subscriptions as it may. */
	MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, ErrorType.BAD_REQUEST),
	/** The tenant already holds as many subscriptions as it may on this api instance. */
	MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, ErrorType.BAD_REQUEST),
	/** Anything else; details are logged, never sent. */
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, ErrorType.INTERNAL_ERROR);

	/**
	 * The request attribute holding the {@link ErrorCode} a REST request was answered
	 * with, for what looks at requests once they are answered (usage counts).
	 */
	public static final String REQUEST_ATTRIBUTE = ErrorCode.class.getName();

	private final HttpStatus status;

	private final ErrorType graphQlType;

	ErrorCode(HttpStatus status, ErrorType graphQlType) {
		this.status = status;
		this.graphQlType = graphQlType;
	}

	public HttpStatus status() {
		return status;
	}

	public ErrorType graphQlType() {
		return graphQlType;
	}

	/** The code of an answer that only carries an HTTP status. */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400, 406, 415 -> BAD_USER_INPUT;
			case 405 -> METHOD_NOT_ALLOWED;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			default -> status >= 400 && status < 500 ? BAD_USER_INPUT : INTERNAL;
		};
	}

}
