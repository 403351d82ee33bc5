package io.rollcall.indexer.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.PendingMessages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.indexer.backfill.BackfillProgress;
import io.rollcall.indexer.backfill.BackfillThrottle;
import io.rollcall.indexer.write.BatchApplier;
import io.rollcall.platform.redis.RedisConnectionProperties;
import io.rollcall.schema.stream.IngestKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The consumer loops: each reads the live stream through the consumer group under its own
 * consumer name, cuts batches by size and age, hands them to the {@link BatchApplier} and
 * acknowledges what it applied. A replica runs {@code consumers} loops (default 2) so
 * that one batch is bulk-written while another is refreshed and rolled up: with a single
 * loop Elasticsearch works on one bulk at a time, and a bulk into one shard runs on one
 * write thread. Loops of one replica are to each other exactly what replicas are, and
 * every write is safe between replicas (external versions, tombstones checked after the
 * bulk, generation-versioned rollups). Only the first loop reads the backfill stream, and
 * only in a cycle where the live stream had nothing, no faster than the
 * {@link BackfillThrottle} allows: history never delays live writes.
 *
 * <p>
 * When a batch cannot be applied completely (Elasticsearch unavailable after the bounded
 * retries) its entries stay pending and the loop pauses ingestion of that stream: it
 * backs off and re-reads its own pending entries (XREADGROUP from id 0) until they are
 * applied, and only then reads new ones. So an outage costs the outage plus one back-off,
 * not claim-idle. Every replica also claims entries pending longer than
 * {@code claim-idle} (XAUTOCLAIM), which is how a crashed replica's entries get applied
 * after all.
 *
 * <p>
 * The first loop trims the live stream every few seconds, never by length ({@code MAXLEN}
 * can drop entries that are not acknowledged yet) but with {@code MINID} below the
 * group's oldest pending entry (see {@link ConsumerGroup#trimAcknowledged}), which only
 * removes acknowledged entries. Backfill entries are deleted once acknowledged (see
 * {@link BackfillProgress}).
 */
@Component
class StreamConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

	private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(5);

	private static final Duration FORGET_INTERVAL = Duration.ofMinutes(1);

	private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(5);

	/**
	 * The shortest blocking read (0 would block forever): used when backfill work is
	 * waiting.
	 */
	private static final Duration NO_WAIT = Duration.ofMillis(1);

	private final RedisClient redisClient;

	private final RedisConnectionProperties redisProperties;

	private final StreamProperties properties;

	private final IngestKeys keys;

	private final BatchApplier applier;

	private final BackfillThrottle throttle;

	private final BackfillProgress backfillProgress;

	private final String consumerName;

	private final AtomicLong pendingCount = new AtomicLong();

	private final AtomicLong oldestPendingMillis = new AtomicLong();

	private final AtomicLong backfillQueued = new AtomicLong();

	private volatile boolean running;

	private final List<Loop> loops = new ArrayList<>();

	/** This replica's consumer names, one per loop. */
	private volatile Set<String> loopNames = Set.of();

	StreamConsumer(RedisClient redisClient, RedisConnectionProperties redisProperties, StreamProperties properties,
			IngestKeys keys, BatchApplier applier, BackfillThrottle throttle, BackfillProgress backfillProgress,
			MeterRegistry registry) {
		this.redisClient = redisClient;
		this.redisProperties = redisProperties;
		this.properties = properties;
		this.keys = keys;
		this.applier = applier;
		this.throttle = throttle;
		this.backfillProgress = backfillProgress;
		this.consumerName = properties.consumerName().isBlank() ? generatedName() : properties.consumerName();
		Gauge.builder("rollcall.indexer.stream.pending", pendingCount, AtomicLong::get)
			.description("Entries of the live stream read by some replica but not acknowledged yet")
			.register(registry);
		Gauge
			.builder("rollcall.indexer.stream.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
			.description("Age of the oldest pending entry of the live stream")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("rollcall.indexer.backfill.queued", backfillQueued, AtomicLong::get)
			.description("Entries of the backfill stream not applied yet (read or not)")
			.register(registry);
	}

	String consumerName() {
		return consumerName;
	}

	@Override
	public synchronized void start() {
		// The blocking read may take up to max-age on top of the usual command time.
		Duration timeout = redisProperties.commandTimeout().plus(properties.batch().maxAge());
		running = true;
		for (int index = 0; index < properties.consumers(); index++) {
			String name = properties.consumers() == 1 ? consumerName : consumerName + "-" + index;
			loops.add(new Loop(name, index == 0, timeout));
		}
		loopNames = loops.stream().map(loop -> loop.name).collect(Collectors.toUnmodifiableSet());
		loops.forEach(Loop::start);
		log.info("Consuming {} (then {}) with {} loop(s) as {} in group {}", keys.liveStream(), keys.backfillStream(),
				loops.size(), consumerName, keys.consumerGroup());
	}

	@Override
	public synchronized void stop() {
		running = false;
		loops.forEach(Loop::join);
		loops.forEach(Loop::close);
		loops.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * One consumer loop: its thread, its consumer name and its view of both streams. Only
	 * its own thread touches its state.
	 */
	private final class Loop {

		private final String name;

		/** The first loop: also reads the backfill stream and updates the gauges. */
		private final boolean first;

		private final Source live;

		private final Source backfill;

		private Thread thread;

		private long nextClaimAt;

		private long nextGaugeAt;

		private long nextForgetAt;

		Loop(String name, boolean first, Duration timeout) {
			this.name = name;
			this.first = first;
			live = new Source("live",
					new ConsumerGroup(redisClient, keys.liveStream(), keys.consumerGroup(), name, timeout));
			backfill = new Source("backfill",
					new ConsumerGroup(redisClient, keys.backfillStream(), keys.consumerGroup(), name, timeout));
			live.group.create();
			backfill.group.create();
			// What this name left pending before a restart is re-read first.
			live.recovering = true;
			backfill.recovering = true;
		}

		void start() {
			thread = Thread.ofPlatform().name("rollcall-stream-" + name).start(this::run);
		}

		void join() {
			try {
				// A batch in flight finishes (it may be retrying): its entries would
				// otherwise wait claim-idle.
				thread.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		void close() {
			live.group.close();
			backfill.group.close();
		}

		private void run() {
			int failures = 0;
			while (running) {
				try {
					claimIfDue();
					boolean complete = cycle();
					trimAndMeasureIfDue();
					forgetGoneConsumersIfDue();
					if (complete) {
						failures = 0;
					}
					else {
						// Elasticsearch is unavailable: back off, then re-read what
						// is pending.
						pause(++failures);
					}
				}
				catch (RuntimeException e) {
					if (ConsumerGroup.isNoGroup(e)) {
						log.warn("Consumer group {} is gone; creating it again", keys.consumerGroup());
						recreateGroups();
						continue;
					}
					// What was read and not acknowledged is re-read on recovery.
					live.recovering = true;
					backfill.recovering = true;
					failures++;
					log.warn("Stream consumer failed ({} in a row); backing off: {}", failures, e.toString(), e);
					pause(failures);
				}
			}
		}

		/**
		 * One cycle: pending live entries, else new live entries, else (within the rate
		 * cap) pending or new backfill entries. Returns {@code false} when a batch was
		 * left pending.
		 */
		private boolean cycle() {
			int maxItems = properties.batch().maxItems();
			if (live.recovering) {
				return recover(live, maxItems);
			}
			long allowance = first ? throttle.allowance() : 0;
			boolean backfillDue = allowance > 0;
			Duration wait = backfillDue && backfill.busy ? NO_WAIT : properties.batch().maxAge();
			List<StreamMessage<String, String>> batch = readBatch(live, maxItems, wait, properties.batch().maxAge());
			if (!batch.isEmpty()) {
				return apply(live, batch);
			}
			if (!backfillDue) {
				return true;
			}
			int backfillItems = (int) Math.min(maxItems, allowance);
			if (backfill.recovering) {
				return recover(backfill, backfillItems);
			}
			batch = readBatch(backfill, backfillItems, NO_WAIT, Duration.ZERO);
			backfill.busy = !batch.isEmpty();
			return batch.isEmpty() || apply(backfill, batch);
		}

		/**
		 * Applies the next of this consumer's own pending entries; when there are none
		 * left, reading new ones resumes.
		 */
		private boolean recover(Source source, int maxItems) {
			List<StreamMessage<String, String>> pending = source.group.readPending(source.entriesFor(maxItems));
			if (pending.isEmpty()) {
				if (source.paused) {
					log.info("Ingestion of the {} stream resumed: every pending entry is applied", source.name);
					source.paused = false;
				}
				source.recovering = false;
				return true;
			}
			source.learn(pending);
			return apply(source, pending);
		}

		/**
		 * Applies and acknowledges {@code batch}; returns {@code false} when some of it
		 * stays pending.
		 */
		private boolean apply(Source source, List<StreamMessage<String, String>> batch) {
			boolean isBackfill = source == backfill;
			if (isBackfill) {
				throttle.consumed(itemsIn(batch));
			}
			List<String> done = isBackfill ? applier.applyBackfill(batch) : applier.apply(batch);
			if (isBackfill) {
				Set<String> doneIds = new HashSet<>(done);
				backfillProgress.acknowledge(source.group.stream(), source.group.group(), batch.stream()
					.filter(message -> doneIds.contains(message.getId()))
					.map(message -> new BackfillProgress.AppliedEntry(message.getId(),
							message.getBody() == null ? null : message.getBody().get(BackfillProgress.ENTRY_FIELD),
							itemsIn(List.of(message))))
					.toList());
			}
			else {
				source.group.ack(done);
			}
			if (done.size() == batch.size()) {
				return true;
			}
			if (!source.paused) {
				log.warn("Ingestion of the {} stream paused: {} of {} entries could not be applied and stay pending; "
						+ "retrying them with back-off", source.name, batch.size() - done.size(), batch.size());
				source.paused = true;
			}
			source.recovering = true;
			return false;
		}

		/**
		 * Reads up to about {@code maxItems} items: waits up to {@code wait} for a first
		 * entry, then keeps reading until the batch is full or {@code gather} has passed
		 * since the first entry.
		 */
		private List<StreamMessage<String, String>> readBatch(Source source, int maxItems, Duration wait,
				Duration gather) {
			List<StreamMessage<String, String>> batch = new ArrayList<>(
					source.group.read(source.entriesFor(maxItems), wait));
			if (batch.isEmpty()) {
				return batch;
			}
			int items = source.learn(batch);
			long deadline = System.nanoTime() + gather.toNanos();
			while (running && items < maxItems) {
				long left = deadline - System.nanoTime();
				if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
					break;
				}
				List<StreamMessage<String, String>> more = source.group.read(source.entriesFor(maxItems - items),
						Duration.ofNanos(left));
				if (!more.isEmpty()) {
					batch.addAll(more);
					items += source.learn(more);
				}
			}
			return batch;
		}

		/**
		 * Claims entries of both streams that stayed pending longer than claim-idle, at
		 * most every half claim-idle. They are applied as batches of their own, before
		 * new entries.
		 */
		private void claimIfDue() {
			long now = System.nanoTime();
			if (now - nextClaimAt < 0) {
				return;
			}
			nextClaimAt = now + properties.claimIdle().toNanos() / 2;
			for (Source source : first ? new Source[] { live, backfill } : new Source[] { live }) {
				List<StreamMessage<String, String>> claimed = source.group.claim(properties.claimIdle(),
						source.entriesFor(properties.batch().maxItems()));
				if (!claimed.isEmpty()) {
					log.info("Claimed {} entries of the {} stream pending for more than {}", claimed.size(),
							source.name, properties.claimIdle());
					apply(source, claimed);
				}
			}
		}

		/**
		 * Deletes consumers of gone replicas (first loop, at most once a minute, or twice
		 * per forget-consumers-after when that is shorter; see
		 * {@link ConsumerGroup#forgetIdleConsumers}).
		 */
		private void forgetGoneConsumersIfDue() {
			long now = System.nanoTime();
			if (!first || now - nextForgetAt < 0) {
				return;
			}
			nextForgetAt = now + Math.min(FORGET_INTERVAL.toNanos(), properties.forgetConsumersAfter().toNanos() / 2);
			for (Source source : new Source[] { live, backfill }) {
				List<String> forgotten = source.group.forgetIdleConsumers(properties.forgetConsumersAfter(), loopNames);
				if (!forgotten.isEmpty()) {
					log.info("Deleted consumers {} of the {} stream: nothing pending, idle for more than {}", forgotten,
							source.name, properties.forgetConsumersAfter());
				}
			}
		}

		/**
		 * Every few seconds (first loop): trims what the group has acknowledged from the
		 * live stream, then updates the stream gauges from the same pending summary.
		 */
		private void trimAndMeasureIfDue() {
			long now = System.nanoTime();
			if (!first || now - nextGaugeAt < 0) {
				return;
			}
			nextGaugeAt = now + GAUGE_INTERVAL.toNanos();
			PendingMessages pending = live.group.trimAcknowledged();
			pendingCount.set(pending.getCount());
			String oldest = ConsumerGroup.oldestPending(pending);
			oldestPendingMillis.set(oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - idMillis(oldest)));
			backfillQueued.set(backfill.group.length());
		}

		private void recreateGroups() {
			try {
				live.group.create();
				backfill.group.create();
			}
			catch (RuntimeException e) {
				log.warn("Could not create consumer group: {}", e.toString());
				pause(1);
			}
		}

		private void pause(int failures) {
			long cap = Math.min(MAX_ERROR_PAUSE.toMillis(), 100L << Math.min(failures, 10));
			try {
				Thread.sleep(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				running = false;
			}
		}

	}

	/** One stream as this replica consumes it. Only the consumer thread touches it. */
	private static final class Source {

		final String name;

		final ConsumerGroup group;

		/**
		 * This consumer has read entries it has not acknowledged: apply those before
		 * reading new ones.
		 */
		boolean recovering;

		/**
		 * Recovering because of an outage (logged once when it starts and once when it
		 * ends).
		 */
		boolean paused;

		/**
		 * The last read returned entries (backfill: do not wait on the live stream in
		 * between).
		 */
		boolean busy;

		/**
		 * Items per entry in the last read. It starts high so that the first read takes
		 * one entry: entries of 1,000 items must not be read 5,000 at a time.
		 */
		double itemsPerEntry = Double.MAX_VALUE;

		Source(String name, ConsumerGroup group) {
			this.name = name;
			this.group = group;
		}

		/** How many entries to read for about {@code items} items (at least one). */
		int entriesFor(int items) {
			return (int) Math.max(1, Math.min(items, Math.floor(items / itemsPerEntry)));
		}

		/** Remembers the items per entry of {@code read}; returns its items. */
		int learn(List<StreamMessage<String, String>> read) {
			int items = itemsIn(read);
			if (!read.isEmpty()) {
				itemsPerEntry = Math.max(1, (double) items / read.size());
			}
			return items;
		}

	}

	/**
	 * The items of {@code messages}: the objects of each body array, counted without
	 * decoding; at least one per entry.
	 */
	private static int itemsIn(List<StreamMessage<String, String>> messages) {
		int items = 0;
		for (StreamMessage<String, String> message : messages) {
			items += message.getBody() == null ? 1 : Math.max(1, count(message.getBody().get("body")));
		}
		return items;
	}

	/**
	 * Counts the objects at depth one of a JSON array without parsing it (strings are
	 * skipped).
	 */
	static int count(String body) {
		if (body == null) {
			return 1;
		}
		int depth = 0;
		int objects = 0;
		boolean inString = false;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				if (c == '{' && depth == 1) {
					objects++;
				}
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return objects;
	}

	private static long idMillis(String streamId) {
		int dash = streamId.indexOf('-');
		return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
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
