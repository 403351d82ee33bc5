package io.rollcall.bench;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How many accept → visible lags fell in each of a fixed set of bins, for the freshness
 * chart: the same bins for the indexer's timer (its service-level boundaries, set by
 * {@link BenchStack}) and for the morning rush's probe (measured by the client), so that
 * the two distributions can be drawn side by side.
 *
 * @param counts samples per bin: up to the first bound, between consecutive bounds, and
 * above the last one ({@link #BOUNDS_MILLIS} plus one)
 */
record LagHistogram(List<Long> counts) {

	/** The bins' upper bounds in milliseconds. */
	static final List<Long> BOUNDS_MILLIS = List.of(50L, 100L, 150L, 200L, 250L, 300L, 400L, 500L, 750L, 1_000L, 1_500L,
			2_000L, 3_000L, 5_000L);

	LagHistogram {
		if (counts.size() != BOUNDS_MILLIS.size() + 1) {
			throw new IllegalArgumentException(
					"a lag histogram has " + (BOUNDS_MILLIS.size() + 1) + " bins, got " + counts.size());
		}
		counts = List.copyOf(counts);
	}

	/**
	 * The bounds as Micrometer's {@code slo} property takes them, e.g.
	 * {@code 50ms,100ms}.
	 */
	static String serviceLevelObjectives() {
		return BOUNDS_MILLIS.stream().map(bound -> bound + "ms").collect(Collectors.joining(","));
	}

	static LagHistogram of(List<Duration> samples) {
		long[] counts = new long[BOUNDS_MILLIS.size() + 1];
		for (Duration sample : samples) {
			counts[bin(sample)]++;
		}
		return new LagHistogram(Arrays.stream(counts).boxed().toList());
	}

	/**
	 * From a timer whose service-level boundaries are {@link #BOUNDS_MILLIS}: its
	 * cumulative counts per boundary, turned into counts per bin.
	 * @throws IllegalStateException when the timer has other boundaries
	 */
	static LagHistogram of(HistogramSnapshot snapshot) {
		CountAtBucket[] cumulative = snapshot.histogramCounts();
		List<Long> bounds = Arrays.stream(cumulative)
			.map(bucket -> Math.round(bucket.bucket(TimeUnit.MILLISECONDS)))
			.toList();
		if (!bounds.equals(BOUNDS_MILLIS)) {
			throw new IllegalStateException("the lag timer's buckets are " + bounds + ", expected " + BOUNDS_MILLIS);
		}
		List<Long> counts = new ArrayList<>();
		double below = 0;
		for (CountAtBucket bucket : cumulative) {
			counts.add(Math.round(bucket.count() - below));
			below = bucket.count();
		}
		counts.add(Math.max(0, snapshot.count() - Math.round(below)));
		return new LagHistogram(counts);
	}

	private static int bin(Duration sample) {
		double millis = sample.toNanos() / 1e6;
		for (int bin = 0; bin < BOUNDS_MILLIS.size(); bin++) {
			if (millis <= BOUNDS_MILLIS.get(bin)) {
				return bin;
			}
		}
		return BOUNDS_MILLIS.size();
	}

	long total() {
		return this.counts.stream().mapToLong(Long::longValue).sum();
	}

	/** The share of the samples in {@code bin}, in percent (0 when there are none). */
	double percent(int bin) {
		long total = total();
		return total == 0 ? 0 : 100.0 * this.counts.get(bin) / total;
	}

	/** The bins' labels, e.g. {@code ≤50}, {@code 50–100}, {@code >5000} (ms). */
	static List<String> labels() {
		List<String> labels = new ArrayList<>();
		long previous = 0;
		for (long bound : BOUNDS_MILLIS) {
			labels.add(previous == 0 ? "≤" + bound : previous + "–" + bound);
			previous = bound;
		}
		labels.add(">" + previous);
		return labels;
	}

}
