package io.rollcall.indexer.retry;

import io.rollcall.platform.UnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class RetrierTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Retrier retrier = new Retrier(
			new RetryProperties(3, Duration.ofMillis(1), 2, Duration.ZERO, Duration.ofMillis(2)), registry);

	@Test
	void pausesGrowByTheMultiplierWithinTheirJitterUpToTheCapAndNeverEnd() {
		Retrier defaults = new Retrier(
				new RetryProperties(6, Duration.ofMillis(100), 2, Duration.ofMillis(50), Duration.ofSeconds(5)),
				registry);
		for (int run = 0; run < 100; run++) {
			BackOffExecution pauses = defaults.pauses();
			assertThat(pauses.nextBackOff()).isBetween(100L, 150L);
			assertThat(pauses.nextBackOff()).isBetween(100L, 300L);
			assertThat(pauses.nextBackOff()).isBetween(200L, 600L);
			for (int attempt = 4; attempt < 30; attempt++) {
				assertThat(pauses.nextBackOff()).isBetween(100L, 5_000L);
			}
			assertThat(pauses.nextBackOff()).isBetween(2_500L, 5_000L);
		}
	}

	@Test
	void transientFailuresAreRetriedUntilTheCallSucceedsAndEachRetryIsCounted() {
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
	void itemsRetriedTogetherAreCountedOneByOne() {
		AtomicInteger calls = new AtomicInteger();

		retrier.call("bulk", () -> {
			if (calls.incrementAndGet() == 1) {
				throw new TransientItemsException(7, "es_rejected_execution_exception");
			}
			return null;
		});

		assertThat(registry.counter("rollcall.indexer.retries", "operation", "bulk").count()).isEqualTo(7);
	}

	@Test
	void persistentTransientFailuresEndUnavailableAfterMaxAttempts() {
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> retrier.call("op", () -> {
			calls.incrementAndGet();
			throw error(429);
		})).isInstanceOf(UnavailableException.class).hasCauseInstanceOf(ElasticsearchException.class);
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
		assertThat(TransientFailures.isTransientStatus(429)).isTrue();
		assertThat(TransientFailures.isTransientStatus(503)).isTrue();
		assertThat(TransientFailures.isTransientStatus(400)).isFalse();
		assertThat(TransientFailures.isTransientStatus(409)).isFalse();
		assertThat(TransientFailures.isTransient(new IOException("timeout"))).isTrue();
		assertThat(TransientFailures.isTransient(new RedisConnectionException("down"))).isTrue();
		assertThat(TransientFailures.isTransient(error(404))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException())).isFalse();
	}

	private static ElasticsearchException error(int status) {
		return new ElasticsearchException("test", ErrorResponse
			.of(response -> response.status(status).error(error -> error.type("test_exception").reason("test"))));
	}

}
