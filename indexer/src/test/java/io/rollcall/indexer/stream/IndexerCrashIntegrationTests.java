package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerApplication;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.IngestKeys;
import io.rollcall.schema.stream.StreamEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An indexer process killed with SIGKILL in the middle of a 200,000-event stream: what it
 * had read and not acknowledged is claimed by another replica, and the final count is
 * exact.
 */
@DevStackTest
class IndexerCrashIntegrationTests {

	private static final int ENTRIES = 200;

	private static final int EVENTS_PER_ENTRY = 1_000;

	private static final int TOTAL = ENTRIES * EVENTS_PER_ENTRY;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anIndexerKilledMidStreamLosesNothingAndDuplicatesNothing(DevStack stack) throws Exception {
		IngestKeys keys = new IngestKeys(stack.redisKeyPrefix());
		RedisClients redisClients = RedisClients.forUrl(stack.redisUrl());
		RedisConnector redisClient = redisClients.create();
		try (RedisConnection<String, String> redis = redisClient.connect()) {
			for (int entry = 0; entry < ENTRIES; entry++) {
				String body = json
					.writeValueAsString(IndexerHarness.smsEvents("ev-" + entry, "c" + entry % 50, EVENTS_PER_ENTRY));
				redis.sync()
					.xadd(keys.liveStream(),
							new StreamEntry(EntryKind.EVENTS, "acme", null, Instant.now(), EVENTS_PER_ENTRY, body, null)
								.toFields());
			}
		}
		finally {
			redisClient.shutdown();
			redisClients.destroy();
		}

		Process doomed = startIndexerProcess(stack);
		long countAtKill;
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptions()
				.until(() -> count(stack) >= 20_000);
		}
		finally {
			doomed.destroyForcibly();
			doomed.waitFor();
		}
		countAtKill = count(stack);
		assertThat(countAtKill).as("events indexed when the process was killed").isBetween(20_000L, TOTAL - 1L);

		try (IndexerHarness replica = IndexerHarness.start(stack, Map.of("rollcall.indexer.claim-idle", "2s"))) {
			await().atMost(Duration.ofSeconds(120))
				.ignoreExceptions()
				.until(() -> replica.countEvents("acme") == TOTAL && replica.pendingCount() == 0);
			assertThat(replica.countEvents("acme")).isEqualTo(TOTAL);
			assertThat(replica.revisionSum("acme"))
				.isEqualTo(ENTRIES * IndexerHarness.smsRevisionSum(EVENTS_PER_ENTRY));
			assertThat(replica.pendingCount()).isZero();
		}
	}

	/**
	 * The indexer in a JVM of its own, on this test's classpath and devstack, logging to
	 * target/.
	 */
	private static Process startIndexerProcess(DevStack stack) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
				// C1 only: the process must start fast, it is killed after a few seconds
				// of work.
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				IndexerApplication.class.getName()));
		stack.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		command.add("--server.port=0");
		command.add("--rollcall.indexer.consumer-name=doomed");
		Path log = Files.createDirectories(Path.of("target")).resolve("indexer-crash-process.log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * The tenant's event count, straight from Elasticsearch (the indexer under test runs
	 * elsewhere).
	 */
	private long count(DevStack stack) throws IOException, InterruptedException {
		String index = new IndexNames(stack.indexPrefix()).events();
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index + "/_count?routing=acme"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("count answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body()).get("count").asLong();
	}

}
