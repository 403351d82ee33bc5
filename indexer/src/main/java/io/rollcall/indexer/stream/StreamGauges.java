package io.rollcall.indexer.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How far behind the indexer is, as the {@link Housekeeping} last measured it.
 */
@Component
class StreamGauges {

	private final AtomicLong pendingCount = new AtomicLong();

	private final AtomicLong oldestPendingMillis = new AtomicLong();

	private final AtomicLong backfillQueued = new AtomicLong();

	private final Clock clock = Clock.systemUTC();

	StreamGauges(MeterRegistry registry) {
		Gauge.builder("rollcall.stream.pending", pendingCount, AtomicLong::get)
			.description("Entries of the live stream read by some replica but not acknowledged yet")
			.register(registry);
		Gauge.builder("rollcall.stream.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
			.description("Age of the oldest pending entry of the live stream")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("rollcall.indexer.backfill.queued", backfillQueued, AtomicLong::get)
			.description("Entries of the backfill stream not applied yet (read or not)")
			.register(registry);
	}

	/**
	 * @param pending entries of the live stream read and not acknowledged
	 * @param oldestPending the id of the oldest of them, or {@code null} when there are
	 * none
	 * @param queued entries of the backfill stream
	 */
	void update(long pending, String oldestPending, long queued) {
		pendingCount.set(pending);
		oldestPendingMillis.set(oldestPending == null ? 0 : Math.max(0, clock.millis() - idMillis(oldestPending)));
		backfillQueued.set(queued);
	}

	/** The time part of a stream id ({@code <millis>-<sequence>}). */
	private static long idMillis(String streamId) {
		int dash = streamId.indexOf('-');
		return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
	}

}
