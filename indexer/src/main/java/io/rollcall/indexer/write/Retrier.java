package io.rollcall.indexer.write;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.platform.UnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retries transient failures with exponential backoff and jitter, a bounded number of
 * times, as the elasticsearch-java exception conventions suggest:
 * {@link TransportException} and I/O errors (the request may not have arrived) and
 * 429/5xx answers are worth retrying; any other {@link ElasticsearchException} is a bug
 * or a bad request and is surfaced at once.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/clients/java/exception-conventions">exception
 * conventions</a>
 */
@Component
public class Retrier {

	private static final Logger log = LoggerFactory.getLogger(Retrier.class);

	private final RetryProperties properties;

	private final MeterRegistry registry;

	public Retrier(RetryProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.registry = registry;
	}

	/**
	 * A call that may fail with an I/O error, as every Elasticsearch client call does.
	 */
	@FunctionalInterface
	public interface Call<T> {

		T call() throws IOException;

	}

	/**
	 * Runs {@code call}, retrying transient failures; throws {@link UnavailableException}
	 * when they persist.
	 */
	public <T> T call(String operation, Call<T> call) {
		for (int attempt = 1;; attempt++) {
			try {
				return call.call();
			}
			catch (IOException | RuntimeException e) {
				if (!isTransient(e)) {
					throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
				}
				if (attempt >= properties.maxAttempts()) {
					throw new UnavailableException(operation + " failed after all retries", properties.maxBackoff(), e);
				}
				log.debug("{} failed transiently (attempt {}), retrying: {}", operation, attempt, e.toString());
				retried(operation, 1);
				pause(attempt);
			}
		}
	}

	/**
	 * The failure of an operation whose items stayed unavailable through the retries of a
	 * bulk (see {@code BulkWriter}): retry after the longest back-off.
	 */
	public UnavailableException unavailable(String operation, String reason) {
		return new UnavailableException(operation + " failed after all retries: " + reason, properties.maxBackoff(),
				null);
	}

	int maxAttempts() {
		return properties.maxAttempts();
	}

	void retried(String operation, int items) {
		registry.counter("rollcall.indexer.retries", "operation", operation).increment(items);
	}

	/**
	 * Sleeps before attempt {@code attempt + 1}: full jitter over an exponentially
	 * growing cap.
	 */
	void pause(int attempt) {
		Duration pause = backoff(attempt, properties.initialBackoff(), properties.maxBackoff());
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unavailable("backoff", "interrupted");
		}
	}

	/**
	 * The pause after failed attempt {@code attempt} (1-based): a random duration between
	 * half and all of {@code initial x 2^(attempt-1)}, capped at {@code max}. The jitter
	 * stops replicas that failed together from retrying together.
	 */
	static Duration backoff(int attempt, Duration initial, Duration max) {
		long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
		long half = cap / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
	}

	static boolean isTransient(Throwable e) {
		if (e instanceof ElasticsearchException es) {
			return isTransientStatus(es.status());
		}
		return e instanceof IOException || e instanceof UncheckedIOException || e instanceof TransportException
				|| e instanceof RedisConnectionException || e instanceof io.lettuce.core.RedisCommandTimeoutException;
	}

	/**
	 * 429 (rejected, circuit breaker) and every 5xx are worth another attempt; other
	 * statuses are final.
	 */
	static boolean isTransientStatus(int status) {
		return status == 429 || status >= 500;
	}

}
