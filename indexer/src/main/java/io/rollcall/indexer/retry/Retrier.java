package io.rollcall.indexer.retry;

import io.rollcall.platform.UnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The indexer's retry policy, on Spring's {@link RetryTemplate}: an operation is retried
 * while it fails {@linkplain TransientFailures transiently}, at most {@code max-attempts}
 * times, with exponential back-off and jitter; anything else is surfaced at once. The
 * stream loop pauses by the same back-off, without the bound: it never gives up on
 * pending entries. Every retry is counted in {@code rollcall.indexer.retries}, tagged
 * with the operation.
 *
 * @see <a href=
 * "https://docs.spring.io/spring-framework/reference/core/resilience.html">Spring
 * Framework resilience features</a>
 */
@Component
public class Retrier {

	private final RetryProperties properties;

	private final RetryTemplate template;

	public Retrier(RetryProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.template = new RetryTemplate(RetryPolicy.builder()
			.backOff(backOff(properties.maxAttempts() - 1))
			.predicate(TransientFailures::isTransient)
			.build());
		template.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				int retried = state.getLastException() instanceof TransientItemsException items ? items.items() : 1;
				registry.counter("rollcall.indexer.retries", "operation", retryable.getName()).increment(retried);
			}
		});
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
	 * when they persist (or the pause is interrupted), and any other failure as it is.
	 */
	public <T> T call(String operation, Call<T> call) {
		try {
			return template.execute(new Retryable<T>() {

				@Override
				public T execute() throws IOException {
					return call.call();
				}

				@Override
				public String getName() {
					return operation;
				}

			});
		}
		catch (RetryException e) {
			Throwable last = e.getCause();
			if (TransientFailures.isTransient(last)) {
				throw new UnavailableException(operation + " failed after all retries", properties.maxBackoff(), last);
			}
			if (last instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) last;
		}
	}

	/**
	 * The failure of an operation whose items stayed unavailable through the retries of a
	 * bulk (see {@code BulkWriter}): worth another try after the longest pause.
	 */
	public UnavailableException unavailable(String operation, String reason) {
		return new UnavailableException(operation + " failed after all retries: " + reason, properties.maxBackoff(),
				null);
	}

	/**
	 * A fresh, endless sequence of this policy's pauses, for a loop that keeps trying
	 * until it succeeds; a loop starts a new one after each success.
	 */
	public BackOffExecution pauses() {
		return backOff(Long.MAX_VALUE).start();
	}

	private ExponentialBackOff backOff(long maxRetries) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(),
				properties.multiplier());
		backOff.setJitter(properties.jitter().toMillis());
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		backOff.setMaxAttempts(maxRetries);
		return backOff;
	}

}
