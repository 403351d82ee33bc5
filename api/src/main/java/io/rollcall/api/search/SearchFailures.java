package io.rollcall.api.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import io.rollcall.platform.UnavailableException;
import java.time.Duration;

/**
 * Turns Elasticsearch's errors into the api's taxonomy. Overload and unavailability
 * become {@code UNAVAILABLE} (retryable); anything else is {@code INTERNAL}.
 * Elasticsearch's error body stays in the logs (it names indices and internals), never in
 * the response.
 */
final class SearchFailures {

	private SearchFailures() {
	}

	static RuntimeException translate(ElasticsearchException exception, Duration retryAfter) {
		int status = exception.status();
		if (status == 429 || status == 502 || status == 503 || status == 504) {
			return new UnavailableException("search is overloaded or unavailable, retry later", retryAfter, exception);
		}
		return new SearchFailedException(exception);
	}

	static final class SearchFailedException extends RollcallException {

		SearchFailedException(ElasticsearchException cause) {
			super(ErrorCode.INTERNAL, "search failed", cause);
		}

	}

}
