package io.rollcall.indexer.retry;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Which failures are worth another attempt, as the elasticsearch-java exception
 * conventions suggest: {@link TransportException} and I/O errors (the request may not
 * have arrived), 429 and 5xx answers, and Redis connection loss or timeouts. Any other
 * {@link ElasticsearchException} is a bug or a bad request and is surfaced at once.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/clients/java/exception-conventions">exception
 * conventions</a>
 */
public final class TransientFailures {

	private TransientFailures() {
	}

	public static boolean isTransient(Throwable e) {
		if (e instanceof ElasticsearchException es) {
			return isTransientStatus(es.status());
		}
		return e instanceof IOException || e instanceof UncheckedIOException || e instanceof TransportException
				|| e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException
				|| e instanceof TransientItemsException;
	}

	/**
	 * 429 (rejected, circuit breaker) and every 5xx are worth another attempt; other
	 * statuses are final.
	 */
	public static boolean isTransientStatus(int status) {
		return status == 429 || status >= 500;
	}

}
