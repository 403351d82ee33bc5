package io.rollcall.api.usage;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Moves the counts this instance gathered ({@link UsageCounters}) to Redis every
 * {@code rollcall.usage.flush-interval} (1 s) in one pipelined batch, once more when the
 * api stops (after the web server has finished its requests), and before every usage
 * read, so a client reading from the instance it used sees all of it.
 *
 * <p>
 * While Redis is away the counts stay in memory (summed, so they do not grow with
 * traffic) and are written once it is back. A batch whose reply did not arrive is written
 * again, so a batch that reached Redis just before the timeout counts twice; a crashed
 * instance loses what it had not written, at most one interval of its traffic.
 */
final class UsageWriter implements SmartLifecycle {

	/**
	 * Stops after the web server's graceful shutdown (phase
	 * {@code DEFAULT_PHASE - 2048}), so the final write includes the last requests.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(UsageWriter.class);

	private final UsageCounters counters;

	private final UsageRedis redis;

	private final UsageProperties properties;

	private ScheduledExecutorService schedule;

	private volatile boolean failing;

	UsageWriter(UsageCounters counters, UsageRedis redis, UsageProperties properties) {
		this.counters = counters;
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Writes what was counted so far; on failure keeps it for the next write.
	 * @return whether Redis took it
	 */
	synchronized boolean flush() {
		Map<UsageCounters.Cell, Long> counts = counters.drain();
		if (counts.isEmpty()) {
			return true;
		}
		try {
			redis.write(counts);
			if (failing) {
				failing = false;
				log.info("usage counters are written to Redis again");
			}
			return true;
		}
		catch (RuntimeException e) {
			counters.restore(counts);
			if (!failing) {
				failing = true;
				log.warn("usage counters could not be written to Redis ({}); kept in memory until it answers",
						e.toString());
			}
			return false;
		}
	}

	@Override
	public synchronized void start() {
		schedule = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("usage-writer").daemon().factory());
		long interval = properties.flushInterval().toMillis();
		schedule.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		schedule.shutdownNow();
		schedule = null;
		flush();
	}

	@Override
	public synchronized boolean isRunning() {
		return schedule != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
