package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One Elasticsearch node killed ({@code SIGKILL}) in the middle of a 200,000-event ingest
 * through the api, on 3 nodes with 3 shards and 1 replica, and restarted once the ingest
 * is searchable: every accepted event is indexed exactly once, the dashboards equal the
 * oracle, and readers querying dashboards through the api all along get no 5xx and no
 * error while the cluster is yellow.
 */
@DevStackTest
class ElasticsearchNodeLossClusterIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchNodeLossClusterIntegrationTests.class);

	private static final String TENANT = "demo";

	private static final int EVENTS = 200_000;

	private static final int BATCH = 5_000;

	private static final String JSON = "application/json";

	/** What the readers ask for, in turn: the reads a manager's dashboard makes. */
	private static final List<Map.Entry<String, Map<String, Object>>> READS = List.of(
			Map.entry("programSummary", Map.of("programId", OracleDashboards.PROGRAM)),
			Map.entry("repProgress",
					Map.of("programId", OracleDashboards.PROGRAM, "first", 50, "orderBy",
							Map.of("field", "LESSONS_COMPLETED", "direction", "DESC"))),
			Map.entry("activity",
					Map.of("programId", OracleDashboards.PROGRAM, "interval", "DAY", "range",
							Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"))),
			Map.entry("quizStats", Map.of("programId", OracleDashboards.PROGRAM, "lessonId", "lesson-3")));

	@Test
	void aNodeKilledMidIngestLosesAndDuplicatesNothingAndReadersNeverSeeAnError(DevStack devStack) throws Exception {
		GeneratedTenant demo = EventGenerator.withSeed(17).reps(2_000).teams(5).lessonsPerProgram(20).generate(TENANT);
		assertThat(demo.events()).hasSizeGreaterThanOrEqualTo(EVENTS);
		List<InteractionEvent> events = StoredEvents.revised(demo.events().subList(0, EVENTS));
		long revisions = StoredEvents.revisionSum(events);
		DashboardOracle oracle = new DashboardOracle().accept(events);
		Map<String, Contact> contacts = demo.contacts()
			.stream()
			.collect(Collectors.toMap(Contact::contactId, Function.identity()));
		List<String> catalog = List.of("lesson-3", "lesson-1", "lesson-0", "lesson-7");
		Instant due = Instant.parse("2026-02-01T00:00:00Z");
		StoredEvents stored = new StoredEvents(devStack);
		DevIssuer issuer = DevIssuer.global();

		try (RunningStack stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.ingest.visibility-timeout", "60s"))) {
			// The indexer applies rollcall.index.shards and .replicas (3 and 1, from
			// devstack) to the templates: without a replica the lost node's shards would
			// be
			// gone.
			assertThat(stored.shardsAndReplicas()).as("shards/replicas of " + stored.index()).isEqualTo("3/1");
			String admin = issuer.token("demo-admin", "demo-admin-secret");
			for (int from = 0; from < demo.contacts().size(); from += BATCH) {
				List<Contact> batch = demo.contacts().subList(from, Math.min(demo.contacts().size(), from + BATCH));
				assertThat(post(stack, admin, "/v1/contacts?consistency=visible", batch).statusCode()).isEqualTo(200);
			}
			HttpResponse<String> program = stack
				.put("/v1/programs/" + OracleDashboards.PROGRAM + "?consistency=visible", admin, JSON, RunningStack.JSON
					.writeValueAsString(Map.of("name", "Onboarding", "lessonIds", catalog, "dueDate", due.toString())));
			assertThat(program.statusCode()).as(program.body()).isEqualTo(200);

			Readers readers = Readers.start(stack, issuer.token("demo-reader", "demo-reader-secret"));
			long accepted = 0;
			ElasticsearchNode victim = null;
			try {
				for (int from = 0; from < EVENTS; from += BATCH) {
					List<InteractionEvent> batch = events.subList(from, Math.min(EVENTS, from + BATCH));
					HttpResponse<String> response = post(stack, admin, "/v1/events", batch);
					assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
					accepted += batch.size();
				}
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> stored.count(TENANT) >= EVENTS / 4);
				victim = devStack.elasticsearchCluster().node(stored.primaryNodeOf(TENANT));
				long indexedAtKill = stored.count(TENANT);
				readers.phase("node lost");
				victim.kill();
				log.info("Killed {} (primary of {}'s events shard) with {} of {} events indexed", victim.name(), TENANT,
						indexedAtKill, EVENTS);
				assertThat(indexedAtKill).as("indexed when the node was killed").isLessThan(EVENTS);
				await().atMost(Duration.ofMinutes(1))
					.ignoreExceptions()
					.until(() -> stored.health().path("number_of_nodes").asInt() == 2);
				await().atMost(Duration.ofMinutes(10))
					.pollInterval(Duration.ofSeconds(1))
					.ignoreExceptions()
					.until(() -> stored.count(TENANT) == EVENTS);
				readers.phase("node restarted");
				victim.start();
				devStack.elasticsearchCluster().awaitGreen();
				victim = null;
				readers.phase("green again");
				// Every rollup written too: the dashboards' total counts every event.
				OracleDashboards dashboards = new OracleDashboards(stack);
				await().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> OracleDashboards
						.data(stack.graphQl(admin, "programSummary", Map.of("programId", OracleDashboards.PROGRAM)),
								"programSummary")
						.path("totalEvents")
						.asLong() == oracle.programSummary(OracleDashboards.PROGRAM).totalEvents());
			}
			finally {
				readers.stop();
				if (victim != null) {
					victim.start();
				}
			}

			long indexed = stored.count(TENANT);
			log.info("Node loss: accepted {}, indexed {}, duplicates {}, lost {}; revision sum {} of {}; reads {}",
					accepted, indexed, Math.max(0, indexed - accepted), Math.max(0, accepted - indexed),
					stored.revisionSum(TENANT), revisions, readers.outcomes());
			assertThat(indexed).as("indexed").isEqualTo(accepted).isEqualTo(EVENTS);
			assertThat(stored.revisionSum(TENANT)).as("sum of revisions").isEqualTo(revisions);
			assertThat(readers.outcomes()).as("every read answered with data, in every phase")
				.allSatisfy((outcome, count) -> assertThat(outcome).endsWith(" 200 data"));
			assertThat(readers.outcomes()).as("reads while the node was lost").containsKey("node lost 200 data");
			new OracleDashboards(stack).assertEverything(issuer.token("demo-admin", "demo-admin-secret"), oracle,
					contacts, catalog, due);
		}
	}

	private static HttpResponse<String> post(RunningStack stack, String token, String path, List<?> items) {
		return stack.post(path, token, JSON, RunningStack.JSON.writeValueAsString(items));
	}

	/**
	 * Dashboard reads through the api, one after another with a 50 ms pause between them
	 * (a manager, not a load test: a core stays free for the indexer and Elasticsearch),
	 * counted by phase, HTTP status and whether the answer had data or an error (and its
	 * code).
	 */
	private static final class Readers {

		private final RunningStack stack;

		private final String token;

		private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

		private final AtomicReference<String> phase = new AtomicReference<>("node up");

		private final AtomicInteger reads = new AtomicInteger();

		private final ScheduledExecutorService reader = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dashboard-reader").factory());

		private Readers(RunningStack stack, String token) {
			this.stack = stack;
			this.token = token;
		}

		static Readers start(RunningStack stack, String token) {
			Readers readers = new Readers(stack, token);
			readers.reader.scheduleWithFixedDelay(readers::readOnce, 0, 50, TimeUnit.MILLISECONDS);
			return readers;
		}

		private void readOnce() {
			Map.Entry<String, Map<String, Object>> read = READS.get(this.reads.getAndIncrement() % READS.size());
			String phase = this.phase.get();
			String outcome;
			try {
				HttpResponse<String> response = this.stack.post("/graphql", this.token, JSON,
						RunningStack.JSON.writeValueAsString(
								Map.of("query", RunningStack.operation(read.getKey()), "variables", read.getValue())));
				JsonNode body = RunningStack.JSON.readTree(response.body());
				String errors = body.path("errors").isMissingNode() ? "data"
						: "error " + body.path("errors").path(0).path("extensions").path("code").asString();
				outcome = response.statusCode() + " " + errors;
			}
			catch (RuntimeException ex) {
				outcome = "failed " + ex.getClass().getSimpleName();
			}
			this.outcomes.computeIfAbsent(phase + " " + outcome, key -> new LongAdder()).increment();
		}

		void phase(String phase) {
			this.phase.set(phase);
		}

		/** Stops after the read in flight, if any. */
		void stop() throws InterruptedException {
			this.reader.shutdown();
			assertThat(this.reader.awaitTermination(1, TimeUnit.MINUTES)).as("the last read ended").isTrue();
		}

		Map<String, Long> outcomes() {
			Map<String, Long> counts = new TreeMap<>();
			this.outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
			return counts;
		}

	}

}
