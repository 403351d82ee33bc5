package io.rollcall.bench;

import java.time.Duration;
import java.util.Locale;

/** So many events in so much time. */
record Throughput(long events, Duration elapsed) {

	double eventsPerSecond() {
		return events / (elapsed.toNanos() / 1e9);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%,.0f events/s (%,d events in %.1f s)", eventsPerSecond(), events,
				elapsed.toNanos() / 1e9);
	}

}
