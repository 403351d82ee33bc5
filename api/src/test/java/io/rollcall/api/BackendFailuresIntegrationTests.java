package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api with its backends unreachable (addresses where nothing listens): it starts
 * anyway, and answers {@code UNAVAILABLE} with a retry hint instead of hanging or leaking
 * errors.
 */
class BackendFailuresIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ConfigurableApplicationContext api;

	@AfterEach
	void stop() {
		if (api != null) {
			api.close();
		}
	}

	@Test
	void elasticsearchAndRedisDownAreUnavailableWithARetryHint() {
		DevIssuer issuer = DevIssuer.global();
		URI base = start(issuer.issuerUri().toString());
		String token = issuer.token("demo-admin", "demo-admin-secret");

		JsonNode query = JSON.readTree(send(base, "/graphql", token,
				"{\"query\":\"{ programSummary(programId: \\\"prog-0\\\") { totalEvents } }\"}")
			.body());
		HttpResponse<String> write = send(base, "/v1/events", token,
				"[{\"eventId\":\"e1\",\"contactId\":\"c1\",\"programId\":\"p1\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}]");

		JsonNode error = query.path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).as(query.toString()).isEqualTo("UNAVAILABLE");
		assertThat(error.path("extensions").path("retryAfterMs").asLong()).isEqualTo(5_000);
		assertThat(error.path("message").asString()).doesNotContain("127.0.0.1", "Exception");
		assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
		assertThat(JSON.readTree(write.body()).path("code").asString()).isEqualTo("UNAVAILABLE");
		assertThat(JSON.readTree(write.body()).path("retryAfterMs").asLong()).isEqualTo(2_000);
	}

	@Test
	void startsBeforeTheIssuerAndAcceptsItsTokensOnceItIsUp() {
		int issuerPort = closedPort();
		URI base = start("http://127.0.0.1:" + issuerPort);
		String query = "{\"query\":\"{ programSummary(programId: \\\"prog-0\\\") { totalEvents } }\"}";

		HttpResponse<String> liveness = http(HttpRequest.newBuilder(base.resolve("/actuator/health/liveness")).GET());
		HttpResponse<String> readiness = http(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).GET());
		HttpResponse<String> beforeIssuer = send(base, "/graphql",
				DevIssuer.global().token("demo-admin", "demo-admin-secret"), query);
		try (DevIssuer late = DevIssuer.start(issuerPort)) {
			HttpResponse<String> afterIssuer = send(base, "/graphql", late.token("demo-admin", "demo-admin-secret"),
					query);

			// Alive (a restart would not help) but not ready: its stores are down.
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(beforeIssuer.statusCode()).as(beforeIssuer.body()).isEqualTo(401);
			// Authenticated now: the query runs, and fails only because Elasticsearch is
			// down.
			assertThat(afterIssuer.statusCode()).as(afterIssuer.body()).isEqualTo(200);
			assertThat(
					JSON.readTree(afterIssuer.body()).path("errors").path(0).path("extensions").path("code").asString())
				.isEqualTo("UNAVAILABLE");
		}
	}

	private URI start(String issuerUri) {
		String dead = "127.0.0.1:" + closedPort();
		api = ApiApplication.builder()
			.properties(Map.of("server.port", "0", "rollcall.security.issuer-uri", issuerUri,
					"rollcall.elasticsearch.url", "http://" + dead, "rollcall.redis.url", "redis://" + dead))
			.run();
		return URI.create("http://127.0.0.1:" + api.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private HttpResponse<String> send(URI base, String path, String token, String body) {
		return http(HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> http(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A port nothing listens on: taken from the OS, then released. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
