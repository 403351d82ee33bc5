package io.rollcall.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of a set of latencies, by the nearest-rank method: p50 of 50 samples is the
 * 25th smallest. No interpolation, so every reported value was actually measured.
 */
record Latencies(int count, Duration p50, Duration p95, Duration p99, Duration max) {

	static Latencies of(List<Duration> samples) {
		return ofNanos(samples.stream().mapToLong(Duration::toNanos).toArray());
	}

	/** Of samples in nanoseconds (sorted in place): millions without a box each. */
	static Latencies ofNanos(long[] nanos) {
		if (nanos.length == 0) {
			throw new IllegalArgumentException("no samples");
		}
		Arrays.sort(nanos);
		return new Latencies(nanos.length, rank(nanos, 50), rank(nanos, 95), rank(nanos, 99),
				Duration.ofNanos(nanos[nanos.length - 1]));
	}

	private static Duration rank(long[] sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
	}

	/** Milliseconds with one decimal, e.g. {@code 12.3 ms}. */
	static String millis(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
	}

}
