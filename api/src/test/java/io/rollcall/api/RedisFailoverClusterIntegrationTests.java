package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.devstack.redis.RedisCluster;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.stream.IngestKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis master holding the ingest stream killed ({@code SIGKILL}) while writers post
 * events, its replica promoted, the old master restarted (it rejoins as a replica). With
 * {@code rollcall.ingest.replica-acknowledgement.replicas=1} an event acknowledged with
 * 202 is on the replica before the client hears of it, so none is lost; requests refused
 * meanwhile (503) are resent, as a client does, and stored once.
 */
@DevStackTest
class RedisFailoverClusterIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(RedisFailoverClusterIntegrationTests.class);

	private static final String TENANT = "demo";

	/** Small batches, paced: the writes span the loss, the promotion and the rejoin. */
	private static final int BATCH = 150;

	private static final Duration PACE = Duration.ofMillis(200);

	@Test
	void aMasterKilledMidIngestLosesNothingAcknowledged(DevStack devStack) {
		List<InteractionEvent> events = StoredEvents
			.revised(EventGenerator.withSeed(23).reps(300).lessonsPerProgram(10).generate(TENANT).events());
		StoredEvents stored = new StoredEvents(devStack);
		RedisCluster redis = devStack.redisCluster();
		String stream = new IngestKeys(devStack.redisKeyPrefix()).liveStream();
		DevIssuer issuer = DevIssuer.global();

		try (RunningStack stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.ingest.replica-acknowledgement.replicas", "1"))) {
			String admin = issuer.token("demo-admin", "demo-admin-secret");
			Writer writer = new Writer(stack, admin, events);
			CompletableFuture<Void> writing = CompletableFuture.runAsync(writer::run);
			await().atMost(Duration.ofMinutes(2)).until(() -> writer.acceptedBatches() >= events.size() / BATCH / 3);
			RedisServer master = redis.masterOf(stream);
			master.kill();
			log.info("Killed the Redis master of {} with {} of {} batches acknowledged", stream,
					writer.acceptedBatches(), (events.size() + BATCH - 1) / BATCH);
			try {
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.ignoreExceptions()
					.until(() -> redis.masterOf(stream) != master);
			}
			finally {
				master.start();
			}
			redis.awaitHealthy();
			assertThat(redis.isMaster(master)).as("the old master rejoined as a replica").isFalse();
			writing.join();

			// Applied notices still reach the api (its subscription may have been on the
			// lost node): another tenant's write waits until it is searchable.
			HttpResponse<String> visible = stack.post("/v1/events?consistency=visible",
					issuer.token("other-admin", "other-admin-secret"), "application/json",
					RunningStack.JSON.writeValueAsString(
							EventGenerator.withSeed(29).reps(1).generate("other").events().subList(0, 1)));
			assertThat(visible.statusCode()).as(visible.body()).isEqualTo(200);
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> stored.count(TENANT) == events.size());
			long indexed = stored.count(TENANT);
			log.info(
					"Redis failover: accepted {} (in {} batches), refused and resent {}, indexed {}, duplicates {},"
							+ " lost {}; writers saw {}",
					writer.acceptedEvents(), writer.acceptedBatches(), writer.refused(), indexed,
					Math.max(0, indexed - writer.acceptedEvents()), Math.max(0, writer.acceptedEvents() - indexed),
					writer.statuses());
			assertThat(writer.acceptedEvents()).isEqualTo(events.size());
			assertThat(indexed).as("indexed").isEqualTo(events.size());
			assertThat(stored.revisionSum(TENANT)).as("sum of revisions").isEqualTo(StoredEvents.revisionSum(events));
			assertThat(writer.statuses().keySet()).as("only acknowledgements and retryable refusals")
				.isSubsetOf(202, 503);
		}
	}

	/**
	 * Posts the events in batches, one after another; a refused batch (503) is sent again
	 * after a short pause until it is accepted, as a client honouring Retry-After would.
	 */
	private static final class Writer {

		private final RunningStack stack;

		private final String token;

		private final List<InteractionEvent> events;

		private final AtomicInteger acceptedBatches = new AtomicInteger();

		private final LongAdder acceptedEvents = new LongAdder();

		private final LongAdder refused = new LongAdder();

		private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		Writer(RunningStack stack, String token, List<InteractionEvent> events) {
			this.stack = stack;
			this.token = token;
			this.events = events;
		}

		void run() {
			for (int from = 0; from < this.events.size(); from += BATCH) {
				List<InteractionEvent> batch = this.events.subList(from, Math.min(this.events.size(), from + BATCH));
				String body = RunningStack.JSON.writeValueAsString(batch);
				int first = from;
				// Sent PACE after the previous batch, again every PACE while refused.
				await().pollDelay(PACE)
					.pollInterval(PACE)
					.atMost(Duration.ofMinutes(2))
					.until(() -> accepted(first, body));
				this.acceptedBatches.incrementAndGet();
				this.acceptedEvents.add(batch.size());
			}
		}

		/**
		 * Sends one batch: whether it was accepted; a refusal other than 503 ends the
		 * writer.
		 */
		private boolean accepted(int first, String body) {
			HttpResponse<String> response = this.stack.post("/v1/events", this.token, "application/json", body);
			this.statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
			if (response.statusCode() == 202) {
				return true;
			}
			if (response.statusCode() != 503) {
				throw new IllegalStateException(
						"batch at " + first + " answered " + response.statusCode() + ": " + response.body());
			}
			this.refused.increment();
			return false;
		}

		int acceptedBatches() {
			return this.acceptedBatches.get();
		}

		long acceptedEvents() {
			return this.acceptedEvents.sum();
		}

		long refused() {
			return this.refused.sum();
		}

		Map<Integer, Long> statuses() {
			Map<Integer, Long> counts = new TreeMap<>();
			this.statuses.forEach((status, count) -> counts.put(status, count.sum()));
			return counts;
		}

	}

}
