package io.rollcall.indexer.stream;

import io.lettuce.core.StreamMessage;
import io.rollcall.indexer.apply.BatchApplier;
import io.rollcall.indexer.apply.Delivery;
import io.rollcall.indexer.apply.DoneEntry;
import io.rollcall.indexer.retry.Retrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One consumer loop: its consumer name and its view of both streams, run as one task of
 * the {@link StreamConsumer}'s executor. Only that task touches its state, claims
 * included: the scheduler only {@linkplain #claimSoon() asks} for a claim, and the loop
 * runs it between two batches, so a claimed entry is never applied by two threads at
 * once.
 *
 * <p>
 * Each cycle reads pending live entries, else new live entries, else (first loop only,
 * within the rate cap) pending or new backfill entries. When a batch cannot be applied
 * completely (Elasticsearch unavailable after the bounded retries) its entries stay
 * pending and the loop pauses ingestion of that stream: it backs off by the
 * {@link Retrier}'s pauses and re-reads its own pending entries (XREADGROUP from id 0)
 * until they are applied, and only then reads new ones. So an outage costs the outage
 * plus one back-off, not claim-idle.
 */
final class ConsumerLoop {

	private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

	/**
	 * The shortest blocking read (0 would block forever): used when backfill work is
	 * waiting.
	 */
	private static final Duration NO_WAIT = Duration.ofMillis(1);

	private final String name;

	private final Source live;

	/** {@code null} for every loop but the first: only the first reads the backfill. */
	private final Source backfill;

	private final Shared shared;

	private final AtomicBoolean claimDue = new AtomicBoolean(true);

	private volatile boolean running = true;

	/** The pauses since the last complete cycle; {@code null} after one. */
	private BackOffExecution pauses;

	private int failures;

	/**
	 * What every loop of a replica shares.
	 *
	 * @param properties how to consume
	 * @param applier applies batches
	 * @param backfillFeed the backfill's rate cap and acknowledgement
	 * @param retrier the back-off after a failed cycle
	 */
	record Shared(StreamProperties properties, BatchApplier applier, BackfillFeed backfillFeed, Retrier retrier) {
	}

	ConsumerLoop(String name, Source live, Source backfill, Shared shared) {
		this.name = name;
		this.live = live;
		this.backfill = backfill;
		this.shared = shared;
	}

	String name() {
		return name;
	}

	/** Asks the loop to claim idle entries before its next batch. */
	void claimSoon() {
		claimDue.set(true);
	}

	/** Asks the loop to stop once the batch in flight is done. */
	void stop() {
		running = false;
	}

	void run() {
		Thread.currentThread().setName("rollcall-stream-" + name);
		while (running) {
			try {
				if (claimDue.getAndSet(false)) {
					claim();
				}
				if (cycle()) {
					pauses = null;
					failures = 0;
				}
				else {
					// Elasticsearch is unavailable: back off, then re-read what is
					// pending.
					pause();
				}
			}
			catch (RuntimeException e) {
				if (ConsumerGroup.isNoGroup(e)) {
					log.warn("Consumer group is gone; creating it again");
					recreateGroups();
					continue;
				}
				// What was read and not acknowledged is re-read on recovery.
				sources().forEach(source -> source.recovering = true);
				log.warn("Stream consumer {} failed ({} in a row); backing off: {}", name, failures + 1, e.toString(),
						e);
				pause();
			}
		}
	}

	/** Closes the loop's connections; call once its task has ended. */
	void close() {
		sources().forEach(Source::close);
	}

	/**
	 * One cycle. Returns {@code false} when a batch was left pending.
	 */
	private boolean cycle() {
		int maxItems = shared.properties.batch().maxItems();
		Duration maxAge = shared.properties.batch().maxAge();
		if (live.recovering) {
			return recover(live, maxItems);
		}
		long allowance = backfill == null ? 0 : shared.backfillFeed.allowance();
		boolean backfillDue = allowance > 0;
		List<StreamMessage<String, String>> batch = readBatch(live, maxItems,
				backfillDue && backfill.busy ? NO_WAIT : maxAge, maxAge);
		if (!batch.isEmpty()) {
			return apply(live, batch, Delivery.FIRST);
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
		return batch.isEmpty() || apply(backfill, batch, Delivery.FIRST);
	}

	/**
	 * Applies the next of this consumer's own pending entries; when there are none left,
	 * reading new ones resumes.
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
		return apply(source, pending, Delivery.AGAIN);
	}

	/**
	 * Applies and acknowledges {@code batch}; returns {@code false} when some of it stays
	 * pending.
	 */
	private boolean apply(Source source, List<StreamMessage<String, String>> batch, Delivery delivery) {
		List<DoneEntry> done;
		if (source.backfill) {
			shared.backfillFeed.read(batch);
			done = shared.applier.applyBackfill(batch, delivery);
			shared.backfillFeed.acknowledge(source.group, batch, done);
		}
		else {
			done = shared.applier.apply(batch, delivery);
			source.group.ack(done.stream().map(DoneEntry::streamId).toList());
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
	private List<StreamMessage<String, String>> readBatch(Source source, int maxItems, Duration wait, Duration gather) {
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
	 * Claims entries pending longer than claim-idle, on each stream this loop reads, and
	 * applies them as batches of their own, before new entries.
	 */
	private void claim() {
		Duration claimIdle = shared.properties.claimIdle();
		for (Source source : sources()) {
			List<StreamMessage<String, String>> claimed = source.group.claim(claimIdle,
					source.entriesFor(shared.properties.batch().maxItems()));
			if (!claimed.isEmpty()) {
				log.info("Claimed {} entries of the {} stream pending for more than {}", claimed.size(), source.name,
						claimIdle);
				apply(source, claimed, Delivery.AGAIN);
			}
		}
	}

	private void recreateGroups() {
		try {
			sources().forEach(source -> source.group.create());
		}
		catch (RuntimeException e) {
			log.warn("Could not create consumer group: {}", e.toString());
			pause();
		}
	}

	/** Sleeps for the next of the retry policy's pauses. */
	private void pause() {
		failures++;
		if (pauses == null) {
			pauses = shared.retrier.pauses();
		}
		try {
			Thread.sleep(pauses.nextBackOff());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private List<Source> sources() {
		return backfill == null ? List.of(live) : List.of(live, backfill);
	}

}
