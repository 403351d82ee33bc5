package io.rollcall.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.devstack.process.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Both executable jars as the chart runs them (JSON logs, the api's management port apart
 * from its public one) under a short ingest and query load: every metric the chart's
 * alerts and dashboard read is on the Prometheus endpoints, scraped without a token, and
 * one write's trace id is in the api's log line for the request and in the indexer's for
 * the batch that applied it.
 */
@DevStackTest
class ObservabilityIntegrationTests {

	private static final List<String> API_METRICS = List.of("rollcall_graphql_request_seconds_bucket",
			"rollcall_graphql_request_seconds_count", "rollcall_ratelimit_rejected_total",
			"rollcall_cache_requests_total", "rollcall_subscriptions_open", "rollcall_dependency_up",
			"rollcall_ratelimit_fallback_active");

	private static final List<String> INDEXER_METRICS = List.of("rollcall_ingest_events_total",
			"rollcall_ingest_visible_lag_seconds_bucket", "rollcall_ingest_visible_lag_seconds_count",
			"rollcall_stream_pending", "rollcall_deadletter_total", "rollcall_dependency_up");

	@Test
	void everyMetricIsScrapedAndOneTraceIdFollowsAWriteIntoTheIndexer(DevStack stack) throws Exception {
		Clients clients = new Clients(stack, "observed");
		DevIssuer issuer = DevIssuer.global();
		Map<String, String> asInTheChart = Map.of("logging.structured.format.console", "ecs",
				"rollcall.observability.tagged-tenants", "demo");
		Map<String, String> indexerProperties = new HashMap<>(clients.stores());
		indexerProperties.putAll(asInTheChart);
		indexerProperties.put("logging.level.io.rollcall.indexer.stream.ConsumerLoop", "debug");
		Map<String, String> apiProperties = new HashMap<>(clients.api(issuer));
		apiProperties.putAll(asInTheChart);
		apiProperties.put("management.server.port", Integer.toString(FreePort.find()));
		apiProperties.put("logging.level.io.rollcall.api.ingest.IngestService", "debug");
		// Tenant "other" on a plan no query fits: its query is refused.
		apiProperties.put("rollcall.limits.tenants.other.capacity", "1");
		apiProperties.put("rollcall.limits.tenants.other.refill-per-second", "1");
		try (JarProcess indexer = JarProcess.start("indexer", ExecutableJarsIntegrationTests.INDEXER_JAR,
				indexerProperties);
				JarProcess api = JarProcess.start("api", ExecutableJarsIntegrationTests.API_JAR, apiProperties)) {
			indexer.awaitReady();
			api.awaitReady();
			String demo = issuer.token("demo-admin", "demo-admin-secret");
			String other = issuer.token("other-admin", "other-admin-secret");

			for (int request = 0; request < 10; request++) {
				assertThat(Clients.post(api.uri("/v1/events"), demo, Clients.events("observed", "load-" + request, 100))
					.statusCode()).isEqualTo(202);
			}
			await().atMost(Duration.ofMinutes(1)).until(() -> clients.searchable("observed") == 1_000);
			// Searchable is not yet announced: once every entry's lag is recorded, the
			// tenant's generation has taken its last step, and the cache keys stay put.
			await().atMost(Duration.ofMinutes(1))
				.until(() -> sample(Clients.get(indexer.uri("/actuator/prometheus")).body(),
						"rollcall_ingest_visible_lag_seconds_count", "tenant=\"demo\""), Optional.of(10.0)::equals);
			for (int query = 0; query < 3; query++) {
				JsonNode summary = Clients.graphQl(api, demo,
						"query ObservedSummary { programSummary(programId: \"observed\") { totalEvents } }");
				assertThat(summary.at("/data/programSummary/totalEvents").asLong()).isEqualTo(1_000);
			}
			HttpResponse<String> refused = Clients.post(api.uri("/graphql"), other,
					"{\"query\":\"{ programSummary(programId: \\\"observed\\\") { totalEvents } }\"}");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
			clients.redis(connection -> connection.sync()
				.xadd(clients.keys().liveStream(), Map.of("kind", "EVENTS", "tenant", "demo", "accepted_at",
						Long.toString(System.currentTimeMillis()), "items", "1", "body", "not json")));
			await().atMost(Duration.ofMinutes(1))
				.until(() -> sample(Clients.get(indexer.uri("/actuator/prometheus")).body(),
						"rollcall_deadletter_total", "kind=\"EVENTS\"", "tenant=\"demo\""), Optional.of(1.0)::equals);
			HttpResponse<String> traced = Clients.post(api.uri("/v1/events?consistency=visible"), demo,
					Clients.events("traced", "traced", 1));
			assertThat(traced.statusCode()).as(traced.body()).isEqualTo(200);

			String apiMetrics = scrape(api, api.managementUri("/actuator/prometheus"));
			String indexerMetrics = scrape(indexer, indexer.uri("/actuator/prometheus"));

			assertThat(apiMetrics).contains(API_METRICS);
			assertThat(indexerMetrics).contains(INDEXER_METRICS);
			assertThat(sample(apiMetrics, "rollcall_graphql_request_seconds_count", "operation=\"ObservedSummary\""))
				.hasValue(3.0);
			assertThat(sample(apiMetrics, "rollcall_cache_requests_total", "result=\"miss\"", "tenant=\"demo\""))
				.hasValue(1.0);
			assertThat(sample(apiMetrics, "rollcall_cache_requests_total", "result=\"hit\"", "tenant=\"demo\""))
				.hasValue(2.0);
			assertThat(sample(apiMetrics, "rollcall_ratelimit_rejected_total", "tenant=\"other\"")).hasValue(1.0);
			assertThat(sample(apiMetrics, "rollcall_subscriptions_open")).hasValue(0.0);
			assertThat(sample(apiMetrics, "rollcall_ratelimit_fallback_active")).hasValue(0.0);
			for (String metrics : List.of(apiMetrics, indexerMetrics)) {
				assertThat(sample(metrics, "rollcall_dependency_up", "dependency=\"elasticsearch\"")).hasValue(1.0);
				assertThat(sample(metrics, "rollcall_dependency_up", "dependency=\"redis\"")).hasValue(1.0);
			}
			assertThat(sample(indexerMetrics, "rollcall_ingest_events_total", "kind=\"events\"", "outcome=\"applied\"",
					"tenant=\"demo\""))
				.hasValue(1_001.0);
			assertThat(sample(indexerMetrics, "rollcall_deadletter_total", "kind=\"EVENTS\"", "tenant=\"demo\""))
				.hasValue(1.0);
			assertThat(sample(indexerMetrics, "rollcall_ingest_visible_lag_seconds_count", "kind=\"events\"",
					"tenant=\"demo\""))
				.hasValue(11.0);

			JsonNode accepted = logLine(api, "Accepted 1 events in 1 stream entries; waiting until visible");
			String traceId = accepted.path("traceId").asString();
			assertThat(traceId).as(accepted.toString()).matches("[0-9a-f]{32}");
			assertThat(accepted.path("tenant").asString()).isEqualTo("demo");
			assertThat(logLines(indexer)).as("the indexer's log lines of trace %s", traceId).anySatisfy(line -> {
				assertThat(line.path("traceId").asString()).isEqualTo(traceId);
				assertThat(line.path("message").asString()).startsWith("Applied and acknowledged 1 of 1 entries");
				assertThat(line.path("tenant").asString()).isEqualTo("demo");
			});
		}
	}

	/** The Prometheus exposition, also kept beside the process's log. */
	private static String scrape(JarProcess process, URI uri) throws IOException {
		HttpResponse<String> response = Clients.get(uri);
		assertThat(response.statusCode()).as("%s without a token", uri).isEqualTo(200);
		Files.writeString(Path.of(process.log() + ".prometheus.txt"), response.body());
		return response.body();
	}

	/**
	 * The value of the first sample of {@code name} whose labels include {@code labels}.
	 */
	static Optional<Double> sample(String exposition, String name, String... labels) {
		Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(exposition);
		while (line.find()) {
			String found = line.group(1) == null ? "" : line.group(1);
			if (List.of(labels).stream().allMatch(found::contains)) {
				return Optional.of(Double.parseDouble(line.group(2)));
			}
		}
		return Optional.empty();
	}

	private static JsonNode logLine(JarProcess process, String message) {
		return logLines(process).stream()
			.filter(line -> line.path("message").asString().equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line '" + message + "' in " + process.log()));
	}

	/**
	 * The process's JSON log lines (what is not JSON, like a JVM warning, is skipped).
	 */
	private static List<JsonNode> logLines(JarProcess process) {
		return process.logText().lines().filter(line -> line.startsWith("{")).map(line -> {
			try {
				return Clients.JSON.readTree(line);
			}
			catch (JacksonException ex) {
				return Clients.JSON.missingNode();
			}
		}).toList();
	}

}
