package io.rollcall.indexer.write;

import io.rollcall.platform.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Retrier retrier = new Retrier(new RetryProperties(3, Duration.ofMillis(1), Duration.ofMillis(2)),
			registry);

	@Test
	void backoffDoublesWithinJitterAndIsCapped() {
		for (int i = 0; i < 100; i++) {
			assertThat(Retrier.backoff(1, Duration.ofMillis(100), Duration.ofSeconds(5)))
				.isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(Retrier.backoff(3, Duration.ofMillis(100), Duration.ofSeconds(5)))
				.isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(Retrier.backoff(30, Duration.ofMillis(100), Duration.ofSeconds(5)))
				.isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
		}
	}

	@Test
	void transientFailuresAreRetriedUntilTheCallSucceeds() {
		AtomicInteger calls = new AtomicInteger();

		String result = retrier.call("op", () -> {
			if (calls.incrementAndGet() < 3) {
				throw new ConnectException("refused");
			}
			return "ok";
		});

		assertThat(result).isEqualTo("ok");
		assertThat(registry.counter("rollcall.indexer.retries", "operation", "op").count()).isEqualTo(2);
	}

	@Test
	void persistentTransientFailuresEndUnavailableAfterMaxAttempts() {
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> retrier.call("op", () -> {
			calls.incrementAndGet();
			throw error(429);
		})).isInstanceOf(UnavailableException.class);
		assertThat(calls).hasValue(3);
	}

	@Test
	void aBadRequestIsSurfacedAtOnce() {
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> retrier.call("op", () -> {
			calls.incrementAndGet();
			throw error(400);
		})).isInstanceOf(ElasticsearchException.class);
		assertThat(calls).hasValue(1);
	}

	@Test
	void classifiesStatusesAndExceptions() {
		assertThat(Retrier.isTransientStatus(429)).isTrue();
		assertThat(Retrier.isTransientStatus(503)).isTrue();
		assertThat(Retrier.isTransientStatus(400)).isFalse();
		assertThat(Retrier.isTransientStatus(409)).isFalse();
		assertThat(Retrier.isTransient(new IOException("timeout"))).isTrue();
		assertThat(Retrier.isTransient(error(404))).isFalse();
		assertThat(Retrier.isTransient(new IllegalStateException())).isFalse();
	}

	private static ElasticsearchException error(int status) {
		return new ElasticsearchException("test", ErrorResponse
			.of(response -> response.status(status).error(error -> error.type("test_exception").reason("test"))));
	}

}
