package io.rollcall.api.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A tile's evaluations in virtual time: at most one per interval whatever the number of
 * changes, never overlapping, none lost, and only new answers sent.
 */
class TileTests {

	private static final long INTERVAL = 250;

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final Counter evaluations = Counter.builder("test").register(new SimpleMeterRegistry());

	private final SecurityContext subscriber = new SecurityContextImpl(
			new TestingAuthenticationToken("subscriber", null, "SCOPE_analytics:read"));

	private final List<Integer> received = new ArrayList<>();

	private Disposable subscription;

	@AfterEach
	void dispose() {
		if (subscription != null) {
			subscription.dispose();
		}
		time.dispose();
	}

	@Test
	void theFirstAnswerComesAtOnceAndLateSubscribersGetTheLatest() {
		Tile<Integer> tile = tile(() -> 7);

		tile.startOnce(() -> () -> {
		});
		time.advanceTime();
		List<Integer> late = new ArrayList<>();
		tile.values().subscribe(late::add);

		assertThat(received).containsExactly(7);
		assertThat(late).containsExactly(7);
		assertThat(evaluations.count()).isEqualTo(1);
	}

	@Test
	void anyNumberOfChangesWithinTheIntervalMakeOneEvaluationAtItsEnd() {
		AtomicInteger answer = new AtomicInteger(1);
		Tile<Integer> tile = started(answer::get);
		answer.set(2);

		for (int i = 0; i < 100; i++) {
			tile.changed();
		}
		time.advanceTimeBy(Duration.ofMillis(INTERVAL - 1));
		assertThat(evaluations.count()).as("not before the interval is over").isEqualTo(1);
		time.advanceTimeBy(Duration.ofMillis(1));

		assertThat(evaluations.count()).isEqualTo(2);
		assertThat(received).containsExactly(1, 2);
		time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(evaluations.count()).as("nothing changed since").isEqualTo(2);
	}

	@Test
	void aChangeAfterAQuietIntervalIsEvaluatedAtOnce() {
		AtomicInteger answer = new AtomicInteger(1);
		Tile<Integer> tile = started(answer::get);
		time.advanceTimeBy(Duration.ofSeconds(1));
		answer.set(2);

		tile.changed();
		time.advanceTime();

		assertThat(received).containsExactly(1, 2);
	}

	@Test
	void anUnchangedAnswerIsNotSent() {
		Tile<Integer> tile = started(() -> 5);

		tile.changed();
		time.advanceTimeBy(Duration.ofMillis(INTERVAL));

		assertThat(evaluations.count()).isEqualTo(2);
		assertThat(received).containsExactly(5);
	}

	@Test
	void aChangeDuringAnEvaluationMakesOneMoreAfterIt() {
		AtomicInteger calls = new AtomicInteger();
		Tile<?>[] self = new Tile<?>[1];
		Tile<Integer> tile = tile(() -> {
			int call = calls.incrementAndGet();
			if (call == 1) {
				// A change lands while this evaluation runs (it may have missed it).
				self[0].changed();
				self[0].changed();
			}
			return call;
		});
		self[0] = tile;
		tile.startOnce(() -> () -> {
		});
		time.advanceTime();
		assertThat(received).containsExactly(1);

		time.advanceTimeBy(Duration.ofMillis(INTERVAL));

		assertThat(received).containsExactly(1, 2);
		assertThat(calls).hasValue(2);
	}

	@Test
	void evaluationsRunAsTheSubscriber() {
		List<Object> principals = new ArrayList<>();
		Tile<Integer> tile = started(() -> {
			principals.add(SecurityContextHolder.getContext().getAuthentication().getName());
			return 1;
		});

		assertThat(principals).containsExactly("subscriber");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("cleared afterwards").isNull();
		assertThat(tile).isNotNull();
	}

	@Test
	void aFailedEvaluationEndsTheSubscriptionsWithItsError() {
		List<Throwable> errors = new ArrayList<>();
		Tile<Integer> tile = tile(() -> {
			throw new IllegalStateException("down");
		});
		tile.values().subscribe(value -> {
		}, errors::add);

		tile.startOnce(() -> () -> {
		});
		time.advanceTime();

		assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("down");
		tile.changed();
		time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(evaluations.count()).as("a failed tile is not evaluated again").isEqualTo(1);
	}

	@Test
	void aClosedTileStopsWatchingAndEvaluating() {
		AtomicInteger disposed = new AtomicInteger();
		Tile<Integer> tile = tile(() -> 1);
		tile.joined();
		tile.startOnce(() -> disposed::incrementAndGet);
		time.advanceTime();

		assertThat(tile.left()).isTrue();
		tile.changed();
		time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(disposed).hasValue(1);
		assertThat(evaluations.count()).isEqualTo(1);
	}

	private Tile<Integer> started(Supplier<Integer> evaluate) {
		Tile<Integer> tile = tile(evaluate);
		tile.startOnce(() -> () -> {
		});
		time.advanceTime();
		return tile;
	}

	private Tile<Integer> tile(Supplier<Integer> evaluate) {
		Tile<Integer> tile = new Tile<>(evaluate, answer -> answer, subscriber, time, INTERVAL, evaluations);
		subscription = tile.values().subscribe(received::add, error -> {
		});
		return tile;
	}

}
