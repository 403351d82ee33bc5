package io.rollcall.api.dashboard.live;

import io.micrometer.core.instrument.Counter;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One live tile: its subscribers, its last answer, and its evaluations, which never
 * overlap and start at least {@code minIntervalMillis} apart. A change during an
 * evaluation (which may or may not have seen it) makes one more evaluation after it; any
 * number of changes while one is pending make none.
 */
final class Tile<T> {

	private final Supplier<T> evaluate;

	private final Function<T, ?> numbers;

	private final SecurityContext runAs;

	private final Scheduler scheduler;

	private final long minIntervalMillis;

	private final Counter evaluations;

	/** The latest answer for late subscribers, then every new one. */
	private final Sinks.Many<T> values = Sinks.many().replay().latest();

	// All guarded by this.
	private int subscribers;

	private boolean started;

	private Disposable watch;

	private boolean scheduled;

	private boolean running;

	private boolean changedWhileRunning;

	private boolean closed;

	private long lastStart = Long.MIN_VALUE;

	private Object lastNumbers;

	Tile(Supplier<T> evaluate, Function<T, ?> numbers, SecurityContext runAs, Scheduler scheduler,
			long minIntervalMillis, Counter evaluations) {
		this.evaluate = evaluate;
		this.numbers = numbers;
		this.runAs = runAs;
		this.scheduler = scheduler;
		this.minIntervalMillis = minIntervalMillis;
		this.evaluations = evaluations;
	}

	synchronized void joined() {
		subscribers++;
	}

	/**
	 * @return whether that was the last subscriber: the tile is closed
	 */
	synchronized boolean left() {
		subscribers--;
		if (subscribers > 0) {
			return false;
		}
		closed = true;
		if (watch != null) {
			watch.dispose();
		}
		return true;
	}

	/**
	 * Starts watching with {@code watch} and evaluates, the first time only; a failure to
	 * start is the tile's answer for every subscriber.
	 */
	void startOnce(Supplier<Disposable> watch) {
		synchronized (this) {
			if (started) {
				return;
			}
			started = true;
		}
		Disposable watching;
		try {
			watching = watch.get();
		}
		catch (RuntimeException ex) {
			values.tryEmitError(ex);
			return;
		}
		synchronized (this) {
			if (closed) {
				watching.dispose();
				return;
			}
			this.watch = watching;
		}
		changed();
	}

	Flux<T> values() {
		return values.asFlux().onBackpressureLatest();
	}

	/** Something the answer depends on changed: evaluate, as soon as allowed. */
	synchronized void changed() {
		if (closed || scheduled) {
			return;
		}
		if (running) {
			changedWhileRunning = true;
			return;
		}
		schedule();
	}

	private void schedule() {
		scheduled = true;
		long now = scheduler.now(TimeUnit.MILLISECONDS);
		long wait = lastStart == Long.MIN_VALUE ? 0 : Math.max(0, lastStart + minIntervalMillis - now);
		scheduler.schedule(this::evaluate, wait, TimeUnit.MILLISECONDS);
	}

	private void evaluate() {
		synchronized (this) {
			scheduled = false;
			if (closed) {
				return;
			}
			running = true;
			lastStart = scheduler.now(TimeUnit.MILLISECONDS);
		}
		evaluations.increment();
		try {
			T answer = runAsSubscriber();
			Object seen = numbers.apply(answer);
			if (!Objects.equals(seen, lastNumbers)) {
				lastNumbers = seen;
				values.tryEmitNext(answer);
			}
		}
		catch (RuntimeException ex) {
			// Every subscriber gets the error (UNAVAILABLE with a retry hint, typically)
			// and resubscribes; the tile is dropped with its last subscriber.
			values.tryEmitError(ex);
			synchronized (this) {
				running = false;
				closed = true;
			}
			return;
		}
		synchronized (this) {
			running = false;
			if (changedWhileRunning && !closed) {
				changedWhileRunning = false;
				schedule();
			}
		}
	}

	private T runAsSubscriber() {
		SecurityContextHolder.setContext(runAs);
		try {
			return evaluate.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
