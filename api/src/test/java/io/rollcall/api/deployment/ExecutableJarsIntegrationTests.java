package io.rollcall.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both executable jars, started with {@code java -jar} as a container starts them,
 * against devstack's Elasticsearch and Redis: health, a write and a query, then SIGTERM.
 * The indexer is stopped in the middle of a stream of writes and started again, and every
 * accepted event ends up searchable exactly once.
 *
 * <p>
 * Runs in Maven's {@code integration-test} phase (failsafe), after {@code package} has
 * built the jars: this module's and, earlier in the reactor, the indexer's.
 */
@DevStackTest
class ExecutableJarsIntegrationTests {

	static final Path API_JAR = Path.of(System.getProperty("rollcall.api.jar", "target/api-exec.jar"));

	static final Path INDEXER_JAR = Path.of(System.getProperty("rollcall.indexer.jar", "target/indexer-exec.jar"));

	/** Exit code of a JVM ended by SIGTERM after its shutdown hooks ran (128 + 15). */
	static final int SIGTERM_EXIT = 143;

	private static final int REQUESTS = 80;

	private static final int EVENTS_PER_REQUEST = 250;

	@Test
	void bothJarsServeAndAnIndexerStoppedMidStreamEndsWithTheExactCount(DevStack stack) throws Exception {
		Clients clients = new Clients(stack, "jars");
		DevIssuer issuer = DevIssuer.global();
		// One consumer loop and batches of one entry: the stream takes long enough to
		// stop the indexer in the middle of it.
		Map<String, String> indexerProperties = new HashMap<>(clients.stores());
		indexerProperties.put("rollcall.indexer.consumers", "1");
		indexerProperties.put("rollcall.indexer.batch.max-items", Integer.toString(EVENTS_PER_REQUEST));
		JarProcess indexer = JarProcess.start("indexer", INDEXER_JAR, indexerProperties);
		JarProcess api = JarProcess.start("api", API_JAR, clients.api(issuer));
		try {
			indexer.awaitReady();
			api.awaitReady();
			String token = issuer.token("demo-admin", "demo-admin-secret");

			assertThat(JarProcess.status(api.uri("/actuator/health/liveness"))).isEqualTo(200);
			HttpResponse<String> write = Clients.post(api.uri("/v1/events?consistency=visible"), token,
					Clients.events("jar-smoke", "smoke", 3));
			assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
			assertThat(Clients.graphQl(api, token, "{ programSummary(programId: \"jar-smoke\") { totalEvents } }")
				.at("/data/programSummary/totalEvents")
				.asLong()).isEqualTo(3);

			for (int request = 0; request < REQUESTS; request++) {
				HttpResponse<String> accepted = Clients.post(api.uri("/v1/events"), token,
						Clients.events("midstream", "mid-" + request, EVENTS_PER_REQUEST));
				assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			}
			long total = (long) REQUESTS * EVENTS_PER_REQUEST;
			await().atMost(Duration.ofMinutes(1)).until(() -> clients.searchable("midstream") > 0);
			assertThat(indexer.terminate()).as(indexer.logText()).isEqualTo(SIGTERM_EXIT);
			long searchableAtStop = clients.searchable("midstream");

			assertThat(searchableAtStop).as("stopped in the middle of the stream").isLessThan(total);
			assertThat(clients.pending()).as("the batch in flight was acknowledged, none left half-applied").isZero();
			assertThat(indexer.logText()).doesNotContain("did not stop cleanly");

			indexer = JarProcess.start("indexer-again", INDEXER_JAR, indexerProperties).awaitReady();
			await().atMost(Duration.ofMinutes(3)).until(() -> clients.searchable("midstream") >= total);
			assertThat(clients.searchable("midstream")).isEqualTo(total);
			await().atMost(Duration.ofMinutes(1)).until(() -> clients.pending() == 0);

			assertThat(api.terminate()).isEqualTo(SIGTERM_EXIT);
			assertThat(api.logText()).contains("Graceful shutdown complete");
			assertThat(indexer.terminate()).isEqualTo(SIGTERM_EXIT);
		}
		finally {
			api.close();
			indexer.close();
		}
	}

}
