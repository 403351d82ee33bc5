package io.rollcall.api.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Usage as a partner reads it, over real HTTP with tokens signed by the dev issuer: a
 * client's requests, cost units, refusals by code and events written, counted over
 * GraphQL and REST, read back by REST and GraphQL equal to what this test sent; the
 * tenant-wide read lists the tenant's clients and nobody else's; the counters expire
 * after 35 days. Tenants {@code usage-a}, {@code usage-b} and {@code usage-c} are this
 * test's alone, so every number is exact.
 */
@DevStackTest
class UsageIntegrationTests {

	private static final String SUMMARY = "{ programSummary(programId: \"p-1\") { totalEvents } }";

	private static final String EVENT = """
			{"eventId":"u%d","contactId":"c1","programId":"p-1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}""";

	private static SecuredApi api;

	private static DevIssuer issuer;

	private static DevStack devStack;

	@BeforeAll
	static void start(DevStack stack, DevIssuer devIssuer) {
		devStack = stack;
		issuer = devIssuer;
		// 10 events of burst, 1 a second: a write of 25 is always RATE_LIMITED.
		api = SecuredApi.start(stack, issuer, Map.of("rollcall.limits.tenants.usage-a.event-burst", "10",
				"rollcall.limits.tenants.usage-a.events-per-second", "1"));
		// A tenant of its own: Redis is flushed before each test, maybe before this
		// probe's count is written.
		String probe = token("usage-probe", "usage-probe", "analytics:read");
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api.graphQl(probe, "{ __typename }").statusCode() == 200);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void usageEqualsWhatTheClientSentAndTheTenantViewListsOnlyItsClients() {
		String partner = token("usage-a", "partner-a", "analytics:read events:write");
		String colleague = token("usage-a", "partner-b", "analytics:read");
		// The same client id in another tenant: a different client.
		String stranger = token("usage-b", "partner-a", "analytics:read events:write");
		String admin = token("usage-a", "usage-admin", "usage:read-tenant");
		Sent sent = new Sent();

		for (int i = 0; i < 3; i++) {
			sent.graphQl(api.graphQl(partner, SUMMARY));
		}
		sent.rest(api.post("/v1/events", partner, SecuredApi.APPLICATION_JSON, events(0, 7)), 202, 7);
		sent.graphQl(api.post("/graphql", partner, SecuredApi.APPLICATION_JSON,
				SecuredApi.JSON.writeValueAsString(Map.of("query",
						"mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted } }", "variables",
						Map.of("events", SecuredApi.JSON.readValue(events(7, 3), Object.class))))));
		sent.events += 3;
		sent.rest(api.post("/v1/events", partner, SecuredApi.APPLICATION_JSON, events(10, 25)), 429, 0);
		sent.rest(api.post("/v1/events", partner, SecuredApi.APPLICATION_JSON, "[{\"eventId\":\"x\"}]"), 400, 0);
		sent.rest(api.post("/v1/contacts", partner, SecuredApi.APPLICATION_JSON, "[]"), 403, 0);
		sent.graphQl(api.graphQl(partner,
				"{ usage(range: {from: \"2026-01-02T00:00:00Z\", to: \"2026-01-01T00:00:00Z\"}) { requests } }"));
		for (int i = 0; i < 2; i++) {
			api.graphQl(colleague, SUMMARY);
			api.graphQl(stranger, SUMMARY);
		}
		api.post("/v1/events", stranger, SecuredApi.APPLICATION_JSON, events(100, 5));

		HttpResponse<String> byRest = api.get("/v1/usage", partner);

		assertThat(byRest.statusCode()).as(byRest.body()).isEqualTo(200);
		JsonNode report = SecuredApi.JSON.readTree(byRest.body());
		assertThat(report.path("groupBy").asString()).isEqualTo("HOUR");
		List<JsonNode> hours = list(report.path("buckets"));
		assertThat(hours).hasSize(24)
			.allSatisfy(bucket -> assertThat(bucket.path("clientId").asString()).isEqualTo("partner-a"));
		assertThat(Instant.parse(hours.getLast().path("start").asString())).isBefore(Instant.now());
		assertThat(Instant.parse(hours.getLast().path("end").asString())).isAfter(Instant.now());
		assertThat(Totals.of(hours)).isEqualTo(sent.totals());
		sent.rest(byRest, 200, 0);

		HttpResponse<String> byGraphQl = api.graphQl(partner,
				"{ usage(groupBy: DAY) { clientId start end requests costUnits eventsWritten refusals { code count } } }");

		JsonNode days = SecuredApi.JSON.readTree(byGraphQl.body());
		assertThat(days.path("errors").isMissingNode()).as(byGraphQl.body()).isTrue();
		assertThat(Totals.of(list(days.path("data").path("usage")))).isEqualTo(sent.totals());
		sent.graphQl(byGraphQl);

		HttpResponse<String> tenantWide = api.get("/v1/usage/tenant?groupBy=day", admin);

		assertThat(tenantWide.statusCode()).as(tenantWide.body()).isEqualTo(200);
		Map<String, List<JsonNode>> byClient = list(SecuredApi.JSON.readTree(tenantWide.body()).path("buckets"))
			.stream()
			.collect(Collectors.groupingBy(bucket -> bucket.path("clientId").asString(), TreeMap::new,
					Collectors.toList()));
		assertThat(byClient).containsOnlyKeys("partner-a", "partner-b");
		assertThat(Totals.of(byClient.get("partner-a"))).isEqualTo(sent.totals());
		assertThat(Totals.of(byClient.get("partner-b"))).isEqualTo(new Totals(2, 42, 0, Map.of()));
		HttpResponse<String> notAnAdmin = api.get("/v1/usage/tenant", partner);
		assertThat(notAnAdmin.statusCode()).isEqualTo(403);
	}

	@Test
	void countersAreKeptThirtyFiveDays() {
		String partner = token("usage-c", "partner-ttl", "analytics:read");
		api.graphQl(partner, "{ __typename }");
		assertThat(api.get("/v1/usage", partner).statusCode()).isEqualTo(200);

		RedisClient client = RedisClient.create(devStack.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(devStack.redisKeyPrefix() + "usage:usage-c:partner-ttl:*");
			assertThat(keys).isNotEmpty();
			for (String key : keys) {
				assertThat(connection.sync().ttl(key)).isBetween(Duration.ofDays(35).minusMinutes(1).toSeconds(),
						Duration.ofDays(35).toSeconds());
			}
			assertThat(connection.sync().ttl(devStack.redisKeyPrefix() + "usage:usage-c:clients"))
				.isBetween(Duration.ofDays(35).minusMinutes(1).toSeconds(), Duration.ofDays(35).toSeconds());
		}
		finally {
			client.shutdown();
		}
	}

	private static String token(String tenant, String clientId, String scopes) {
		return issuer.sign(issuer.claims(tenant, scopes).subject(clientId).claim("client_id", clientId).build());
	}

	private static String events(int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj(EVENT::formatted)
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	/** What the test sent as one client, tallied from the answers it got. */
	private static final class Sent {

		long requests;

		long cost;

		long events;

		final Map<String, Long> refusals = new TreeMap<>();

		/**
		 * A GraphQL answer: one request, a refusal if it has an error, and the units its
		 * buckets were charged: the actual cost, at least 1, unless the rate limiter
		 * refused it.
		 */
		void graphQl(HttpResponse<String> response) {
			JsonNode body = SecuredApi.JSON.readTree(response.body());
			requests++;
			String code = SecuredApi.code(body);
			if (!code.isEmpty()) {
				refusals.merge(code, 1L, Long::sum);
			}
			if (!"RATE_LIMITED".equals(code)) {
				cost += Math.max(1, body.path("extensions").path("cost").path("actualQueryCost").asLong());
			}
		}

		/** A REST answer with the expected status, and the events it wrote. */
		void rest(HttpResponse<String> response, int status, long written) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			requests++;
			events += written;
			if (status >= 400) {
				refusals.merge(SecuredApi.JSON.readTree(response.body()).path("code").asString(), 1L, Long::sum);
			}
		}

		Totals totals() {
			return new Totals(requests, cost, events, Map.copyOf(refusals));
		}

	}

	/** Usage buckets summed. */
	private record Totals(long requests, long costUnits, long eventsWritten, Map<String, Long> refusals) {

		static Totals of(List<JsonNode> buckets) {
			Map<String, Long> refusals = new TreeMap<>();
			long requests = 0;
			long cost = 0;
			long events = 0;
			for (JsonNode bucket : buckets) {
				requests += bucket.path("requests").asLong();
				cost += bucket.path("costUnits").asLong();
				events += bucket.path("eventsWritten").asLong();
				for (JsonNode refusal : bucket.path("refusals")) {
					refusals.merge(refusal.path("code").asString(), refusal.path("count").asLong(), Long::sum);
				}
			}
			return new Totals(requests, cost, events, Map.copyOf(refusals));
		}

	}

}
