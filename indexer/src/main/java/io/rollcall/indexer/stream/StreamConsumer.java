package io.rollcall.indexer.stream;

import io.rollcall.indexer.apply.BatchApplier;
import io.rollcall.indexer.backfill.BackfillProgress;
import io.micrometer.tracing.Tracer;
import io.rollcall.indexer.retry.Retrier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the consumer loops and the housekeeping of one replica. Each {@link ConsumerLoop}
 * reads the live stream through the consumer group under its own consumer name, cuts
 * batches by size and age, hands them to the {@link BatchApplier} and acknowledges what
 * it applied. A replica runs {@code consumers} loops (default 2), as tasks of a Spring
 * {@link SimpleAsyncTaskExecutor} on virtual threads, so that one batch is bulk-written
 * while another is refreshed and rolled up: with a single loop Elasticsearch works on one
 * bulk at a time, and a bulk into one shard runs on one write thread. Loops of one
 * replica are to each other exactly what replicas are, and every write is safe between
 * replicas (external versions, tombstones checked after the bulk, generation-versioned
 * rollups). Only the first loop reads the backfill stream, and only in a cycle where the
 * live stream had nothing, no faster than the backfill rate cap allows: history never
 * delays live writes.
 *
 * <p>
 * A Spring {@link ThreadPoolTaskScheduler} of one thread runs the periodic duties with
 * fixed delays: every half claim-idle it asks each loop to claim (XAUTOCLAIM) entries
 * pending longer than claim-idle, which is how a crashed replica's entries get applied
 * after all; every few seconds it trims the acknowledged part of the live stream and
 * updates the gauges; and now and then it forgets the consumers of replicas that are gone
 * (see {@link Housekeeping}). Backfill entries are deleted once acknowledged (see
 * {@link BackfillProgress}).
 *
 * <p>
 * Stopping (SIGTERM, a rolling update) lets each loop finish the batch in flight: it is
 * applied and acknowledged, or, when Elasticsearch stays unavailable, left pending, never
 * acknowledged half-applied; a loop pausing after a failure stops at once. Leaving a
 * batch in flight would make its entries wait claim-idle before another replica takes
 * them. A batch still running after {@code STOP_TIMEOUT} (30 s, inside the chart's 60 s
 * grace period) loses its connections: its entries stay pending and are applied again,
 * idempotently, by whichever loop claims them after claim-idle.
 */
@Component
class StreamConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

	private static final Duration TRIM_INTERVAL = Duration.ofSeconds(5);

	private static final Duration FORGET_INTERVAL = Duration.ofMinutes(1);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final StreamProperties properties;

	private final ConsumerGroups groups;

	private final Housekeeping housekeeping;

	private final ConsumerLoop.Shared shared;

	private final String consumerName;

	private final List<ConsumerLoop> loops = new ArrayList<>();

	private final List<CompletableFuture<Void>> running = new ArrayList<>();

	private final List<ScheduledFuture<?>> duties = new ArrayList<>();

	private SimpleAsyncTaskExecutor executor;

	private ThreadPoolTaskScheduler scheduler;

	StreamConsumer(StreamProperties properties, ConsumerGroups groups, Housekeeping housekeeping, BatchApplier applier,
			BackfillFeed backfillFeed, Retrier retrier, Tracer tracer) {
		this.properties = properties;
		this.groups = groups;
		this.housekeeping = housekeeping;
		this.shared = new ConsumerLoop.Shared(properties, applier, backfillFeed, retrier, new BatchContext(tracer));
		this.consumerName = properties.consumerName().isBlank() ? generatedName() : properties.consumerName();
	}

	@Override
	public synchronized void start() {
		for (int index = 0; index < properties.consumers(); index++) {
			String name = properties.consumers() == 1 ? consumerName : consumerName + "-" + index;
			try {
				loops.add(new ConsumerLoop(name, groups.live(name), index == 0 ? groups.backfill(name) : null, shared));
			}
			catch (RuntimeException e) {
				// Redis refused: close what is open, and the application does not start.
				loops.forEach(ConsumerLoop::close);
				loops.clear();
				throw e;
			}
		}
		executor = new SimpleAsyncTaskExecutor("rollcall-stream-");
		executor.setVirtualThreads(true);
		loops.forEach(loop -> running.add(executor.submitCompletable(loop::run)));
		scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("rollcall-stream-housekeeping-");
		// A duty in flight when stopping finishes rather than being interrupted.
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationMillis(STOP_TIMEOUT.toMillis());
		scheduler.initialize();
		List<ConsumerLoop> started = List.copyOf(loops);
		Set<String> names = started.stream().map(ConsumerLoop::name).collect(Collectors.toUnmodifiableSet());
		Duration claimEvery = properties.claimIdle().dividedBy(2);
		Duration forgetEvery = min(FORGET_INTERVAL, properties.forgetConsumersAfter().dividedBy(2));
		schedule("claim", claimEvery, claimEvery, () -> started.forEach(ConsumerLoop::claimSoon));
		schedule("trim", Duration.ZERO, TRIM_INTERVAL, housekeeping::trimAndMeasure);
		schedule("forget consumers", Duration.ZERO, forgetEvery,
				() -> housekeeping.forgetGoneConsumers(properties.forgetConsumersAfter(), names));
		log.info("Consuming {} with {} loop(s) as {}", groups.describe(), loops.size(), consumerName);
	}

	@Override
	public synchronized void stop() {
		duties.forEach(duty -> duty.cancel(false));
		duties.clear();
		scheduler.shutdown();
		loops.forEach(ConsumerLoop::stop);
		try {
			CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0]))
				.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.warn("Stream consumer loops did not stop cleanly; their entries stay pending: {}", e.toString());
		}
		running.clear();
		executor.close();
		loops.forEach(ConsumerLoop::close);
		loops.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !loops.isEmpty();
	}

	/**
	 * Runs {@code duty} first after {@code initialDelay}, then {@code delay} after each
	 * run ends. A failure (Redis away) is logged and the duty runs again next time.
	 */
	private void schedule(String what, Duration initialDelay, Duration delay, Runnable duty) {
		duties.add(scheduler.scheduleWithFixedDelay(() -> {
			try {
				duty.run();
			}
			catch (RuntimeException e) {
				log.warn("Stream housekeeping ({}) failed; trying again in {}: {}", what, delay, e.toString());
			}
		}, Instant.now().plus(initialDelay), delay));
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static String generatedName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "indexer";
		}
		return host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

}
