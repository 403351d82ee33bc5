package io.rollcall.platform;

import java.time.Duration;

/**
 * A store (Elasticsearch or Redis) is down, unreachable or overloaded, and stayed so for
 * as long as the caller was willing to wait or retry. Nothing is lost by it: the api
 * answers {@code UNAVAILABLE} with {@link #retryAfter()} as its hint, the indexer leaves
 * the work pending in the stream and tries again after it.
 */
public class UnavailableException extends RuntimeException {

	private final Duration retryAfter;

	/**
	 * @param message what could not be done, safe to show to a client (no addresses, no
	 * internals)
	 * @param retryAfter when trying again makes sense
	 * @param cause the failure of the store's client, for the logs
	 */
	public UnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	/** When trying again makes sense. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
