package io.rollcall.indexer.retry;

/**
 * Elasticsearch (or Redis) kept failing transiently until the attempts ran out. The work
 * it concerns is left pending in the stream, to be applied again later.
 */
public class UnavailableException extends RuntimeException {

	/** What a waiting client is told: safe to show, no internals. */
	public static final String CLIENT_REASON = "storage is temporarily unavailable; the write is kept and will be applied later";

	public UnavailableException(String operation, Throwable cause) {
		super(operation + " failed after all retries", cause);
	}

	public UnavailableException(String operation, String reason) {
		super(operation + " failed after all retries: " + reason);
	}

}
