package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a browser page on a listed origin gets, over real HTTP with real tokens: its
 * preflights pass (with the request id among the headers it may send), and a rate-limited
 * answer (429) names {@code Retry-After}, {@code RateLimit}, {@code RateLimit-Policy} and
 * {@code X-Request-Id} in {@code Access-Control-Expose-Headers}, without which the page's
 * script could not read them, and carries them. The tenant {@code browser} is tiny, so
 * its buckets run dry at once.
 */
@DevStackTest
class BrowserCorsIntegrationTests {

	private static final String FRONTEND = "https://app.example.com";

	private static final List<String> READABLE = List.of("Retry-After", "RateLimit", "RateLimit-Policy",
			"X-Request-Id");

	private static SecuredApi api;

	private static String token;

	@BeforeAll
	static void start(DevStack stack, DevIssuer issuer) {
		api = SecuredApi.start(stack, issuer,
				Map.of("rollcall.security.cors.allowed-origins", FRONTEND, "rollcall.limits.tenants.browser.capacity",
						"5", "rollcall.limits.tenants.browser.refill-per-second", "1",
						"rollcall.limits.tenants.browser.event-burst", "1",
						"rollcall.limits.tenants.browser.events-per-second", "1"));
		token = issuer.sign(issuer.claims("browser", "analytics:read events:write").build());
		// The issuer is discovered lazily: wait until tokens are checked for real.
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api.graphQl(token, "{ __typename }").statusCode() != 401);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void aPreflightFromAListedOriginMaySendTheTokenAndARequestId() {
		HttpResponse<String> graphQl = preflight("/graphql", "POST");
		HttpResponse<String> program = preflight("/v1/programs/p1", "PUT");

		for (HttpResponse<String> response : List.of(graphQl, program)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
			assertThat(names(response, "Access-Control-Allow-Headers")).contains("authorization", "content-type",
					"x-request-id");
			assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("1800");
		}
		assertThat(names(graphQl, "Access-Control-Allow-Methods")).contains("post");
		assertThat(names(program, "Access-Control-Allow-Methods")).contains("put");
	}

	@Test
	void aRateLimitedGraphQlAnswerLetsThePageReadWhenToRetry() {
		String requestId = "page-" + UUID.randomUUID();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 50 && refused == null; i++) {
			HttpResponse<String> response = fromThePage(HttpRequest.newBuilder(api.uri("/graphql"))
				.header("Content-Type", SecuredApi.APPLICATION_JSON)
				.header("X-Request-Id", requestId)
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
			if (response.statusCode() == 429) {
				refused = response;
			}
		}

		assertThat(refused).as("5 units of burst, 1 per second: 50 requests in a row must run out").isNotNull();
		assertReadable(refused);
		assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(requestId);
		assertThat(SecuredApi.code(SecuredApi.JSON.readTree(refused.body()))).isEqualTo("RATE_LIMITED");
	}

	@Test
	void aRateLimitedWriteLetsThePageReadWhenToRetry() {
		String twoEvents = """
				[{"eventId":"b1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"},
				 {"eventId":"b2","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}]""";

		HttpResponse<String> refused = fromThePage(HttpRequest.newBuilder(api.uri("/v1/events"))
			.header("Content-Type", SecuredApi.APPLICATION_JSON)
			.POST(HttpRequest.BodyPublishers.ofString(twoEvents)));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
		assertReadable(refused);
		assertThat(SecuredApi.JSON.readTree(refused.body()).path("code").asString()).isEqualTo("RATE_LIMITED");
	}

	private static void assertReadable(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
		assertThat(names(response, "Access-Control-Expose-Headers"))
			.containsAll(READABLE.stream().map(String::toLowerCase).toList());
		for (String header : READABLE) {
			assertThat(response.headers().firstValue(header)).as(header).isPresent();
		}
	}

	private static HttpResponse<String> fromThePage(HttpRequest.Builder request) {
		return api.send(token, request.header("Origin", FRONTEND));
	}

	private static HttpResponse<String> preflight(String path, String method) {
		return api.send(null,
				HttpRequest.newBuilder(api.uri(path))
					.header("Origin", FRONTEND)
					.header("Access-Control-Request-Method", method)
					.header("Access-Control-Request-Headers", "authorization,content-type,x-request-id")
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

	/** A comma-separated header's values, lower-cased (names are case-insensitive). */
	private static List<String> names(HttpResponse<String> response, String header) {
		return response.headers()
			.allValues(header)
			.stream()
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(name -> name.trim().toLowerCase())
			.toList();
	}

}
