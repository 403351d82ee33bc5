package io.rollcall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.rollcall.schema.event.InteractionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario c: a steady rate of new events for the small tenant through the api for a
 * bounded time, without waiting for visibility (the default {@code ACCEPTED}), while the
 * big tenant's 2M events sit on the same shard. Lag is read from the indexer's own
 * {@value BenchStack#VISIBLE_LAG} timer: from the api accepting a write (the
 * {@code acceptedAt} of its stream entry) to the end of the refresh that made it
 * searchable. The timer is removed before the phase, so the one the indexer registers
 * again holds this phase's writes only.
 *
 * <p>
 * The traffic is 20 requests a second, each scheduled at its own instant (a slow request
 * does not delay the next), each carrying 1/20 of the rate. The timer records one sample
 * per stream entry; every request is one entry here, so samples weigh requests, and all
 * events of a request share its lag.
 */
final class Freshness {

	static final int REQUESTS_PER_SECOND = 20;

	private static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(5);

	private final BenchStack stack;

	private final JsonHttp http;

	private final DirectElasticsearch direct;

	Freshness(BenchStack stack, JsonHttp http, DirectElasticsearch direct) {
		this.stack = stack;
		this.http = http;
		this.direct = direct;
	}

	Result run(Dataset dataset, int rate, Duration time) {
		List<List<InteractionEvent>> requests = requests(dataset.small().events(), rate, time);
		String token = this.stack.token(Tenant.OTHER);
		MeterRegistry meters = this.stack.indexerMeters()
			.orElseThrow(() -> new IllegalStateException("the freshness phase reads the indexer's "
					+ BenchStack.VISIBLE_LAG + " in this JVM; run it with --apps jvm"));
		// Earlier phases' last samples are recorded after their events turn searchable.
		this.stack.backlog().awaitDrained(VISIBLE_TIMEOUT);
		meters.find(BenchStack.VISIBLE_LAG).tag("kind", "events").timers().forEach(meters::remove);
		long period = TimeUnit.SECONDS.toNanos(1) / REQUESTS_PER_SECOND;
		AtomicLong sent = new AtomicLong();
		List<ScheduledFuture<?>> scheduled = new ArrayList<>();
		long start = System.nanoTime();
		try (ScheduledExecutorService executor = Executors.newScheduledThreadPool(4)) {
			for (int i = 0; i < requests.size(); i++) {
				List<InteractionEvent> request = requests.get(i);
				scheduled.add(executor.schedule(() -> {
					JsonHttp.ok(this.http.post(this.stack.api("v1/events"), token, "application/json",
							JsonHttp.JSON.writeValueAsString(request)));
					sent.addAndGet(request.size());
				}, i * period, TimeUnit.NANOSECONDS));
			}
			for (ScheduledFuture<?> future : scheduled) {
				Parallel.await(future, "a freshness request");
			}
		}
		Throughput offered = new Throughput(sent.get(), Duration.ofNanos(System.nanoTime() - start));
		this.direct.awaitCount(this.stack.indices().events(), Tenant.OTHER,
				dataset.small().events().size() + sent.get(), VISIBLE_TIMEOUT);
		this.stack.backlog().awaitDrained(VISIBLE_TIMEOUT);
		Timer lag = meters.find(BenchStack.VISIBLE_LAG).tag("kind", "events").timer();
		if (lag == null) {
			throw new IllegalStateException("the indexer recorded no " + BenchStack.VISIBLE_LAG);
		}
		return new Result(offered, lag.takeSnapshot());
	}

	/** New events (fresh ids) cut from the small tenant's, one list per request. */
	private static List<List<InteractionEvent>> requests(List<InteractionEvent> template, int rate, Duration time) {
		int perRequest = Math.max(1, rate / REQUESTS_PER_SECOND);
		long count = time.toSeconds() * REQUESTS_PER_SECOND;
		List<List<InteractionEvent>> requests = new ArrayList<>();
		for (long r = 0; r < count; r++) {
			requests.add(Dataset.copies(template, "live-", r * perRequest, perRequest));
		}
		return requests;
	}

	/**
	 * What the phase sent and the indexer's lag timer at its end: percentiles, and the
	 * distribution in the bins of the freshness chart.
	 */
	record Result(Throughput sent, long samples, Duration p50, Duration p95, Duration p99, Duration max,
			LagHistogram histogram) {

		Result(Throughput sent, HistogramSnapshot snapshot) {
			this(sent, snapshot.count(), at(snapshot, 0.5), at(snapshot, 0.95), at(snapshot, 0.99),
					Duration.ofNanos((long) snapshot.max(TimeUnit.NANOSECONDS)), LagHistogram.of(snapshot));
		}

		private static Duration at(HistogramSnapshot snapshot, double percentile) {
			for (ValueAtPercentile value : snapshot.percentileValues()) {
				if (value.percentile() == percentile) {
					return Duration.ofNanos((long) value.value(TimeUnit.NANOSECONDS));
				}
			}
			throw new IllegalStateException("the lag timer has no p" + percentile + "; percentiles configured: "
					+ List.of(snapshot.percentileValues()));
		}

	}

}
