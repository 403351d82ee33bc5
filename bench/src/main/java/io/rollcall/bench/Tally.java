package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcomes of one client population in one window, counted as they come (from many
 * threads): how many of each {@link Outcome.Kind}, the error codes behind
 * {@link Outcome.Kind#ERROR}s, 429s without {@code Retry-After}, the cost units admitted,
 * requests that started late, and the latencies of the admitted requests.
 */
final class Tally {

	/**
	 * A request that starts later than this after its slot counts as late: the load
	 * generator did not keep its schedule (the scheduler's wake-up jitter is far below
	 * it).
	 */
	static final Duration LATE = Duration.ofMillis(100);

	private final Map<Outcome.Kind, Long> kinds = new EnumMap<>(Outcome.Kind.class);

	private final Map<String, Long> errorCodes = new TreeMap<>();

	private final List<Duration> admittedLatencies = new ArrayList<>();

	private long missingRetryAfter;

	private long admittedCost;

	private long late;

	synchronized void add(Outcome outcome, Duration latency, Duration lateness) {
		this.kinds.merge(outcome.kind(), 1L, Long::sum);
		if (lateness.compareTo(LATE) > 0) {
			this.late++;
		}
		switch (outcome.kind()) {
			case ADMITTED -> {
				this.admittedLatencies.add(latency);
				this.admittedCost += outcome.actualCost();
			}
			case RATE_LIMITED -> {
				if (!outcome.retryAfter()) {
					this.missingRetryAfter++;
				}
			}
			default -> this.errorCodes.merge(outcome.code(), 1L, Long::sum);
		}
	}

	synchronized long count(Outcome.Kind kind) {
		return this.kinds.getOrDefault(kind, 0L);
	}

	synchronized long sent() {
		return this.kinds.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Requests that neither were admitted nor refused by a rate limit. */
	synchronized long failed() {
		return sent() - count(Outcome.Kind.ADMITTED) - count(Outcome.Kind.RATE_LIMITED);
	}

	synchronized long missingRetryAfter() {
		return this.missingRetryAfter;
	}

	/** The admitted requests' actual cost in units, summed. */
	synchronized long admittedCost() {
		return this.admittedCost;
	}

	synchronized long late() {
		return this.late;
	}

	/**
	 * Every code behind a failure (errors, timeouts, 5xx) with its count, e.g.
	 * {@code OVERLOADED ×2, TIMEOUT ×1}; {@code none} when there was none.
	 */
	synchronized String failures() {
		if (this.errorCodes.isEmpty()) {
			return "none";
		}
		return this.errorCodes.entrySet()
			.stream()
			.map(entry -> entry.getKey() + " ×" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	synchronized boolean anyAdmitted() {
		return !this.admittedLatencies.isEmpty();
	}

	/**
	 * Latencies of the admitted requests.
	 * @throws IllegalArgumentException when none was admitted
	 */
	synchronized Latencies latencies() {
		return Latencies.of(List.copyOf(this.admittedLatencies));
	}

}
