package io.rollcall.api.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.error.RollcallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A stopping instance ends every open subscription with {@code SHUTTING_DOWN} and the
 * cursor to resume from, then lets Spring go on.
 */
class SubscriptionShutdownTests {

	private final SubscriptionShutdown shutdown = new SubscriptionShutdown(
			new SubscriptionLimitsProperties(100, 2000, false, Duration.ZERO));

	@Test
	void openSubscriptionsEndWithTheReasonAfterWhatTheyWereSent() throws InterruptedException {
		shutdown.start();
		Sinks.Many<String> source = Sinks.many().unicast().onBackpressureBuffer();
		List<String> received = new ArrayList<>();
		List<Throwable> errors = new ArrayList<>();
		String[] last = new String[1];
		shutdown
			.endOnShutdown(source.asFlux().doOnNext(value -> last[0] = value), () -> new ShuttingDownException(last[0]))
			.subscribe(received::add, errors::add);
		source.tryEmitNext("c-1");
		source.tryEmitNext("c-2");

		CountDownLatch stopped = new CountDownLatch(1);
		shutdown.stop(stopped::countDown);

		assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(received).containsExactly("c-1", "c-2");
		assertThat(errors).singleElement().isInstanceOfSatisfying(RollcallException.class, error -> {
			assertThat(error.code().name()).isEqualTo("SHUTTING_DOWN");
			assertThat(error.details()).containsEntry("lastCursor", "c-2");
		});
		assertThat(shutdown.isRunning()).isFalse();
	}

	@Test
	void aSubscriptionThatStartsWhileStoppingIsToldAtOnce() {
		shutdown.start();
		shutdown.stop(() -> {
		});

		List<Throwable> errors = new ArrayList<>();
		shutdown.endOnShutdown(Flux.never(), ShuttingDownException::new).subscribe(value -> {
		}, errors::add);

		assertThat(errors).singleElement().isInstanceOf(ShuttingDownException.class);
	}

	@Test
	void withNothingOpenTheStopIsImmediate() {
		shutdown.start();
		List<String> stopped = new ArrayList<>();

		shutdown.stop(() -> stopped.add("done"));

		assertThat(stopped).containsExactly("done");
	}

}
