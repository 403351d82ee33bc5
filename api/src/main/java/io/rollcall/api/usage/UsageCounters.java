package io.rollcall.api.usage;

import io.rollcall.api.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What each OAuth client used on this api instance since the last write to Redis, per
 * hour: requests, refusals by error code, cost units charged and events written. Counting
 * is a map update in memory, off every request's path to Redis (a request already makes
 * its rate-limit round trips; issue #12 allows no more); {@link UsageWriter} moves the
 * counts to Redis every {@code rollcall.usage.flush-interval}. The counts of one client
 * and hour are summed here, so memory grows with the clients active in the hour, not with
 * their requests, also while Redis is away.
 */
public final class UsageCounters {

	static final String REQUESTS = "requests";

	static final String COST = "cost";

	static final String EVENTS = "events";

	static final String REFUSED = "refused:";

	private final Map<Cell, Long> counts = new ConcurrentHashMap<>();

	private final Clock clock;

	public UsageCounters(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one request of {@code caller}, answered with the error {@code code}, or
	 * without an error when {@code code} is null.
	 */
	public void request(Caller caller, String code) {
		Instant hour = hour();
		add(new Cell(caller.tenantId(), caller.clientId(), hour, REQUESTS), 1);
		if (code != null) {
			add(new Cell(caller.tenantId(), caller.clientId(), hour, REFUSED + code), 1);
		}
	}

	/**
	 * The cost units {@code caller}'s operation will be charged, counted in the current
	 * hour once the operation is settled: a read of usage never sees an estimate still in
	 * flight (its own, for one).
	 */
	public Charge charge(Caller caller) {
		return new Charge(this, new Cell(caller.tenantId(), caller.clientId(), hour(), COST));
	}

	/** Counts {@code events} accepted from {@code caller}. */
	public void eventsWritten(Caller caller, long events) {
		add(new Cell(caller.tenantId(), caller.clientId(), hour(), EVENTS), events);
	}

	/**
	 * Takes every count gathered so far. A count added meanwhile is either taken or stays
	 * for the next drain, never lost: each cell is removed atomically with its value.
	 */
	Map<Cell, Long> drain() {
		Map<Cell, Long> drained = new HashMap<>();
		for (Cell cell : counts.keySet()) {
			Long value = counts.remove(cell);
			if (value != null && value != 0) {
				drained.put(cell, value);
			}
		}
		return drained;
	}

	/** Gives back counts that could not be written, to be written with the next ones. */
	void restore(Map<Cell, Long> undelivered) {
		undelivered.forEach(this::add);
	}

	private void add(Cell cell, long amount) {
		counts.merge(cell, amount, Long::sum);
	}

	private Instant hour() {
		return clock.instant().truncatedTo(ChronoUnit.HOURS);
	}

	/** One counter: a field of a client's hash for one hour. */
	record Cell(String tenantId, String clientId, Instant hour, String field) {
	}

	/** The cost units of one operation, counted once, when they are known. */
	public static final class Charge {

		private final UsageCounters counters;

		private final Cell cell;

		private final AtomicBoolean settled = new AtomicBoolean();

		private Charge(UsageCounters counters, Cell cell) {
			this.counters = counters;
			this.cell = cell;
		}

		/**
		 * Counts {@code units} in the hour the charge was made, unless it was settled
		 * already (the first settlement wins).
		 */
		public void settle(long units) {
			if (settled.compareAndSet(false, true)) {
				counters.add(cell, units);
			}
		}

	}

}
