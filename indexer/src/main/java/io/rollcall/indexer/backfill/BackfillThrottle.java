package io.rollcall.indexer.backfill;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The backfill rate cap of this replica: a local Bucket4j token bucket refilled greedily
 * at {@code max-events-per-second}. The consumer reads no more than the tokens available
 * and then pays for what it read, possibly going into debt (a 1,000-event entry read with
 * 10 tokens left): the debt delays the next backfill read, so the long-run rate stays at
 * the cap.
 *
 * @see <a href=
 * "https://bucket4j.com/8.14.0/toc.html#consumeignoringratelimits">consumeIgnoringRateLimits</a>
 */
@Component
public class BackfillThrottle {

	private final Bucket bucket;

	public BackfillThrottle(BackfillProperties properties) {
		long rate = properties.maxEventsPerSecond();
		this.bucket = Bucket.builder()
			.addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)))
			.build();
	}

	/**
	 * How many backfill events may be read now; 0 while the cap is reached (or in debt).
	 */
	public long allowance() {
		return Math.max(0, bucket.getAvailableTokens());
	}

	/** Pays for {@code events} backfill events just read. */
	public void consumed(long events) {
		if (events > 0) {
			bucket.consumeIgnoringRateLimits(events);
		}
	}

}
