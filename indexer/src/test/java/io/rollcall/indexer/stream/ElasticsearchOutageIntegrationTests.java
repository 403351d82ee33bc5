package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.stream.EntryKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch stopped for 30 s in the middle of ingest. In a class of its own: the
 * devstack is shared by the whole test JVM, and this test takes its Elasticsearch away
 * for a while.
 */
@DevStackTest
class ElasticsearchOutageIntegrationTests {

	private static final int ENTRIES = 200;

	private static final int EVENTS_PER_ENTRY = 100;

	@Test
	void ingestionPausesWhileElasticsearchIsDownAndResumesWithEveryEventCountedOnce(DevStack stack) {
		// Claim-idle far beyond the test: recovery must come from the replica re-reading
		// its own
		// pending entries, not from XAUTOCLAIM.
		ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
		try (IndexerHarness indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.claim-idle", "10m"))) {
			AtomicInteger next = new AtomicInteger();
			CompletableFuture<Void> produced = new CompletableFuture<>();
			// 200 entries of 100 events, one every 100 ms: 20 s of steady writes across
			// the outage.
			producer.scheduleAtFixedRate(() -> {
				int entry = next.getAndIncrement();
				if (entry < ENTRIES) {
					indexer.send(EntryKind.EVENTS, "acme",
							IndexerHarness.smsEvents("ev-" + entry, "c" + entry % 7, EVENTS_PER_ENTRY));
				}
				else {
					produced.complete(null);
				}
			}, 0, 100, TimeUnit.MILLISECONDS);
			await().atMost(IndexerHarness.TIMEOUT).until(() -> indexer.countEvents("acme") >= 1_000);

			stack.stopElasticsearch();
			int sentWhenStopped = next.get();
			CompletableFuture<Void> restarted = CompletableFuture.runAsync(stack::startElasticsearch,
					CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS));
			await().atMost(Duration.ofSeconds(120)).until(restarted::isDone);
			restarted.join();
			produced.join();

			assertThat(sentWhenStopped).as("entries sent before the outage").isLessThan(ENTRIES);
			await().atMost(Duration.ofSeconds(90))
				.ignoreExceptions()
				.until(() -> indexer.countEvents("acme") == ENTRIES * EVENTS_PER_ENTRY && indexer.pendingCount() == 0);
			assertThat(indexer.countEvents("acme")).isEqualTo(ENTRIES * EVENTS_PER_ENTRY);
			assertThat(indexer.revisionSum("acme"))
				.isEqualTo(ENTRIES * IndexerHarness.smsRevisionSum(EVENTS_PER_ENTRY));
			assertThat(indexer.counter("rollcall.indexer.retries")).as("retried calls during the outage").isPositive();
		}
		finally {
			producer.shutdownNow();
			// Whatever happened, leave the shared Elasticsearch running for the next test
			// class.
			stack.startElasticsearch();
		}
	}

}
