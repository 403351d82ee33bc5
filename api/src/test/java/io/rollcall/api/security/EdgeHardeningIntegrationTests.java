package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The api's edge with its production defaults (plus a listed frontend origin and small
 * body limits from this test's configuration): no introspection, no internals in errors,
 * body limits, CORS only for listed origins, security headers.
 */
@DevStackTest
class EdgeHardeningIntegrationTests {

	private static final String FRONTEND = "https://app.example.com";

	/** Names and traces that must never reach a client. */
	private static final String[] INTERNALS = { "Exception", "java.", "\tat ", "at io.rollcall", "io.rollcall.",
			"co.elastic", "tools.jackson", "graphql.", "org.springframework", "stackTrace", "trace", "127.0.0.1:",
			"rollcall-" };

	private static SecuredApi api;

	private static String token;

	@BeforeAll
	static void start(DevStack stack, DevIssuer issuer) {
		api = SecuredApi.start(stack, issuer, Map.of("rollcall.security.cors.allowed-origins", FRONTEND,
				"rollcall.limits.request.max-bytes", "16KB", "rollcall.ingest.max-body-size", "16KB"));
		token = issuer.token("demo-admin", "demo-admin-secret");
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api.graphQl(token, "{ __typename }").statusCode() == 200);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void introspectionIsOffByDefault() {
		JsonNode schema = api.graphQlBody(token, "{ __schema { types { name } } }");
		JsonNode type = api.graphQlBody(token, "{ __type(name: \"ProgramSummary\") { fields { name } } }");

		assertThat(schema.path("errors")).as(schema.toString()).isNotEmpty();
		assertThat(schema.path("data").path("__schema").isMissingNode() || schema.path("data").isNull()).isTrue();
		assertThat(type.toString()).doesNotContain("totalEvents");
	}

	@Test
	void errorsCarryNoInternals() {
		HttpResponse<String> malformed = api.graphQl(token, "{ programSummary(programId: ");
		HttpResponse<String> unknownField = api.graphQl(token, "{ programSummary(programId: \"p\") { secret } }");
		HttpResponse<String> notJson = api.post("/graphql", token, SecuredApi.APPLICATION_JSON, "{\"query\": [");
		HttpResponse<String> badJwt = api.graphQl("eyJhbGciOiJSUzI1NiJ9.eyJ0ZW5hbnRfaWQiOiJkZW1vIn0.c2ln",
				"{ __typename }");
		HttpResponse<String> garbageJwt = api.post("/v1/events", "%%%", SecuredApi.APPLICATION_JSON, "[]");
		HttpResponse<String> badEvents = api.post("/v1/events", token, SecuredApi.APPLICATION_JSON, "[{\"eventId\": ");
		HttpResponse<String> notFound = api.get("/v1/nothing-here", token);

		assertThat(SecuredApi.JSON.readTree(malformed.body()).path("errors")).isNotEmpty();
		assertThat(SecuredApi.JSON.readTree(unknownField.body()).path("errors")).isNotEmpty();
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(badJwt.statusCode()).isEqualTo(401);
		assertThat(garbageJwt.statusCode()).isEqualTo(401);
		assertThat(badEvents.statusCode()).isEqualTo(400);
		assertThat(notFound.statusCode()).isEqualTo(404);
		for (HttpResponse<String> response : List.of(malformed, unknownField, notJson, badJwt, garbageJwt, badEvents,
				notFound)) {
			assertThat(response.body()).as(response.uri() + " " + response.statusCode()).doesNotContain(INTERNALS);
			// The header names the failed check (RFC 6750) and this resource's metadata
			// URL,
			// which is the address the client called; no internals.
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).doesNotContain("Exception",
					"java.", "io.rollcall", "co.elastic", "tools.jackson");
		}
	}

	@Test
	void graphQlBodiesOverTheLimitAreRefusedUnread() {
		String big = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(20_000) + "\"}}";

		HttpResponse<String> declared = api.post("/graphql", token, SecuredApi.APPLICATION_JSON, big);
		HttpResponse<String> chunked = api.send(token,
				HttpRequest.newBuilder(api.uri("/graphql"))
					.header("Content-Type", SecuredApi.APPLICATION_JSON)
					.POST(HttpRequest.BodyPublishers
						.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
		HttpResponse<String> small = api.graphQl(token, "{ __typename }");
		HttpResponse<String> rest = api.post("/v1/events", token, SecuredApi.APPLICATION_JSON,
				"[" + "{}, ".repeat(5_000) + "{}]");

		for (HttpResponse<String> response : List.of(declared, chunked)) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
			assertThat(SecuredApi.code(SecuredApi.JSON.readTree(response.body()))).isEqualTo("PAYLOAD_TOO_LARGE");
		}
		assertThat(small.statusCode()).isEqualTo(200);
		assertThat(rest.statusCode()).isEqualTo(413);
		assertThat(SecuredApi.JSON.readTree(rest.body()).path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void corsOnlyForConfiguredOrigins() {
		HttpResponse<String> listed = preflight(FRONTEND);
		HttpResponse<String> other = preflight("https://evil.example");

		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
		assertThat(listed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void webSocketHandshakesOnlyFromConfiguredOrigins() {
		CompletableFuture<WebSocket> evil = handshake("https://evil.example");
		CompletableFuture<WebSocket> listed = handshake(FRONTEND);

		assertThat(evil).failsWithin(Duration.ofSeconds(15)).withThrowableOfType(ExecutionException.class);
		assertThat(listed).succeedsWithin(Duration.ofSeconds(15)).satisfies(WebSocket::abort);
	}

	private static CompletableFuture<WebSocket> handshake(String origin) {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Origin", origin)
			.subprotocols("graphql-transport-ws")
			.buildAsync(api.webSocketUri(), new WebSocket.Listener() {
			});
	}

	@Test
	void securityHeadersOnEveryResponse() {
		HttpResponse<String> plain = api.get("/actuator/health", null);
		HttpResponse<String> graphQl = api.graphQl(token, "{ __typename }");
		HttpResponse<String> behindTls = api.send(null,
				HttpRequest.newBuilder(api.uri("/actuator/health")).header("X-Forwarded-Proto", "https").GET());

		for (HttpResponse<String> response : List.of(plain, graphQl, behindTls)) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("frame-ancestors 'none'")
				.contains("script-src 'self';")
				.doesNotContain("http");
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		}
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();
		assertThat(behindTls.headers().firstValue("Strict-Transport-Security").orElseThrow())
			.contains("max-age=31536000");
	}

	private static HttpResponse<String> preflight(String origin) {
		return api.send(null,
				HttpRequest.newBuilder(api.uri("/graphql"))
					.header("Origin", origin)
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "authorization,content-type")
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

}
