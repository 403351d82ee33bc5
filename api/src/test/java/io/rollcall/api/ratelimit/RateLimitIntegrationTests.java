package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two api instances sharing devstack's Redis (and Elasticsearch), called over HTTP with
 * real tokens: shared buckets, refill, refunds, what clients see of the limits, the
 * document guards end to end, and Redis stopped mid-test.
 */
@DevStackTest
class RateLimitIntegrationTests {

	/** Estimated and actual cost 21: programSummary (20) + totalEvents (1). */
	private static final String SUMMARY = "{ programSummary(programId: \"prog-0\") { totalEvents } }";

	/** Estimated 205 (60 assumed lessons), actual 25 on an empty index. */
	private static final String SUMMARY_WITH_LESSONS = "{ programSummary(programId: \"prog-0\") "
			+ "{ programId totalEvents activeReps quizAccuracy lessons { lessonId startedReps completedReps } } }";

	private static final String EVENT = """
			{"eventId":"e%d","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}""";

	private static ApiInstance a;

	private static ApiInstance b;

	private static String demo;

	private static String other;

	private static Map<String, String> properties;

	@BeforeAll
	static void start() {
		DevStack stack = DevStack.global();
		DevIssuer issuer = DevIssuer.global();
		properties = new HashMap<>(stack.springProperties());
		properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
		// demo: 10 summaries of burst, one more every 4.2 s; 10 events of burst, 1/s.
		properties.put("rollcall.limits.tenants.demo.capacity", "210");
		properties.put("rollcall.limits.tenants.demo.refill-per-second", "5");
		properties.put("rollcall.limits.tenants.demo.event-burst", "10");
		properties.put("rollcall.limits.tenants.demo.events-per-second", "1");
		// other: large enough to never refuse here, slow enough to read refunds exactly.
		properties.put("rollcall.limits.tenants.other.capacity", "10000");
		properties.put("rollcall.limits.tenants.other.refill-per-second", "1");
		properties.put("rollcall.limits.redis-retry-interval", "500ms");
		a = ApiInstance.start(properties);
		b = ApiInstance.start(properties);
		demo = issuer.token("demo-admin", "demo-admin-secret");
		other = issuer.token("other-admin", "other-admin-secret");
	}

	@AfterAll
	static void stop() {
		try {
			if (a != null) {
				a.close();
			}
		}
		finally {
			if (b != null) {
				b.close();
			}
		}
	}

	@Test
	void twoInstancesShareTheTenantsBucketUntilItIsEmptyThenItRefills() {
		long started = System.nanoTime();
		int admitted = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 50 && refused == null; i++) {
			HttpResponse<String> response = (i % 2 == 0 ? a : b).graphQl(demo, SUMMARY);
			if (response.statusCode() == 200) {
				assertThat(ApiInstance.json(response).path("errors").isMissingNode()).as(response.body()).isTrue();
				admitted++;
			}
			else {
				refused = response;
			}
		}
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;

		// 210 units = 10 operations of 21, plus what refilled (5 units/s) meanwhile; each
		// instance on its own would have admitted 10.
		assertThat(admitted).isBetween(10, 10 + (int) Math.ceil(elapsedSeconds * 5 / 21));
		assertThat(refused).isNotNull();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		// Refused by the tenant's bucket: the client's was not charged, so only the
		// tenant's is listed.
		assertThat(refused.headers().firstValue("RateLimit-Policy")).contains("\"tenant\";q=210;w=42");
		assertThat(refused.headers().firstValue("RateLimit"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("\"tenant\";r="));
		JsonNode body = ApiInstance.json(refused);
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(body.path("errors").path(0).path("extensions").path("retryAfterMs").asLong()).isPositive();
		assertThat(body.path("extensions").path("cost").path("requestedQueryCost").asLong()).isEqualTo(21);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> b.graphQl(demo, SUMMARY).statusCode() == 200);
	}

	@Test
	void aPlanChangeTakesEffectAtOnceWhileTheOldBucketIsStillInRedis(DevStack stack) {
		// The tenant's bucket under its current plan is in Redis (one unit taken, given
		// back at the end: the other tests count on it).
		BucketStore store = a.bean(BucketStore.class);
		List<BucketStore.Limit> current = List.of(new BucketStore.Limit("tenant:{demo}:queries", "tenant", 210, 5));
		store.take(current, 1, null).join();
		Map<String, String> upgraded = new HashMap<>(properties);
		upgraded.put("rollcall.limits.tenants.demo.capacity", "100000");
		try (ApiInstance onNewPlan = ApiInstance.start(upgraded)) {
			assertThat(redisKeys(stack))
				.anySatisfy(key -> assertThat(key).endsWith("ratelimit:tenant:{demo}:queries:210:5"));
			HttpResponse<String> response = onNewPlan.graphQl(demo, SUMMARY);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode throttle = ApiInstance.json(response).path("extensions").path("cost").path("throttleStatus");
			// The least-filled bucket is the client's (100,000 by the standard plan, a
			// few hundred units spent at most), not the old tenant bucket of 210.
			assertThat(throttle.path("currentlyAvailable").asLong()).isGreaterThan(99_000);
			assertThat(response.headers().firstValue("RateLimit-Policy"))
				.hasValueSatisfying(policy -> assertThat(policy).contains("\"tenant\";q=100000"));
		}
		finally {
			store.adjust(current, 1).join();
		}
	}

	@Test
	void theUnusedPartOfTheEstimateIsRefundedAndEveryResponseSaysWhatItCost() {
		HttpResponse<String> first = a.graphQl(other, SUMMARY_WITH_LESSONS);
		HttpResponse<String> second = b.graphQl(other, SUMMARY_WITH_LESSONS);

		JsonNode cost = ApiInstance.json(first).path("extensions").path("cost");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(cost.path("requestedQueryCost").asLong()).isEqualTo(205);
		assertThat(cost.path("actualQueryCost").asLong()).isEqualTo(25);
		assertThat(cost.path("throttleStatus").path("maximumAvailable").asLong()).isEqualTo(10_000);
		assertThat(cost.path("throttleStatus").path("restoreRate").asLong()).isEqualTo(1);
		assertThat(cost.path("throttleStatus").path("currentlyAvailable").asLong()).isBetween(9_975L, 9_976L);
		assertThat(first.headers().firstValue("RateLimit-Policy"))
			.contains("\"tenant\";q=10000;w=10000, \"client\";q=100000;w=100");
		// The other instance settles against the same bucket.
		assertThat(ApiInstance.json(second)
			.path("extensions")
			.path("cost")
			.path("throttleStatus")
			.path("currentlyAvailable")
			.asLong()).isBetween(9_950L, 9_952L);
	}

	@Test
	void writesAreLimitedInEventsPerSecondOverRestAndGraphQl() {
		HttpResponse<String> eight = a.post("/v1/events", demo, events(0, 8));
		HttpResponse<String> five = b.post("/v1/events", demo, events(8, 5));
		HttpResponse<String> mutation = a.post("/graphql", demo,
				ApiInstance.JSON.writeValueAsString(Map.of("query",
						"mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted } }", "variables",
						Map.of("events", ApiInstance.JSON.readValue(events(20, 5), Object.class)))));

		assertThat(eight.statusCode()).as(eight.body()).isEqualTo(202);
		assertThat(five.statusCode()).as(five.body()).isEqualTo(429);
		assertThat(five.headers().firstValue("Retry-After")).isPresent();
		assertThat(five.headers().firstValue("RateLimit-Policy")).contains("\"events\";q=10;w=10");
		assertThat(ApiInstance.json(five).path("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(ApiInstance.json(five).path("retryAfterMs").asLong()).isPositive();
		assertThat(mutation.statusCode()).as(mutation.body()).isEqualTo(429);
		assertThat(mutation.headers().firstValue("Retry-After")).isPresent();
		assertThat(ApiInstance.json(mutation).path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("RATE_LIMITED");
	}

	@Test
	void abusiveDocumentsAreRefusedWithTheirCodesWithoutBeingCharged() {
		String fiveMegabytes = "{ __typename }" + " ".repeat(5 * 1024 * 1024);
		String batch = IntStream.range(0, 100)
			.mapToObj(i -> ApiInstance.JSON.writeValueAsString(Map.of("query", SUMMARY)))
			.collect(Collectors.joining(",", "[", "]"));
		String deep = "{ " + "programSummary(programId: \"p\") { ".repeat(50) + "totalEvents" + " }".repeat(50) + " }";
		String aliases = IntStream.range(0, 10_000)
			.mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
		String cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";

		HttpResponse<String> huge = a.graphQl(other, fiveMegabytes);
		HttpResponse<String> batched = a.post("/graphql", other, batch);

		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(code(huge)).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(batched.statusCode()).isEqualTo(400);
		assertThat(code(batched)).isEqualTo("BATCHING_NOT_SUPPORTED");
		assertThat(code(a.graphQl(other, deep))).isEqualTo("MAX_DEPTH_EXCEEDED");
		// 30,000 tokens: over the parser's token limit before the aliases are counted
		// (DocumentGuardInterceptorTests shows the alias limit on its own).
		assertThat(code(a.graphQl(other, aliases))).isEqualTo("PARSER_LIMIT_EXCEEDED");
		assertThat(code(a.graphQl(other, cycle))).isEqualTo("FRAGMENT_CYCLE");
		// Nothing was charged for them: the bucket is full but for this operation.
		JsonNode status = ApiInstance.json(a.graphQl(other, SUMMARY))
			.path("extensions")
			.path("cost")
			.path("throttleStatus");
		assertThat(status.path("currentlyAvailable").asLong()).isBetween(10_000L - 21, 10_000L - 20);
	}

	@Test
	void withRedisStoppedLimitsFallBackToEachInstanceAndResumeInRedisWhenItReturns(DevStack stack) {
		assertThat(a.graphQl(other, SUMMARY).statusCode()).isEqualTo(200);
		RateLimiterHealthIndicator health = a.bean(RateLimiterHealthIndicator.class);
		assertThat(health.health().getDetails()).containsEntry("mode", "DISTRIBUTED");
		stack.stopRedis();
		try {
			HttpResponse<String> whileDown = a.graphQl(other, SUMMARY);

			assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(200);
			assertThat(ApiInstance.json(whileDown).path("data").path("programSummary").path("totalEvents").asInt())
				.isZero();
			assertThat(ApiInstance.json(whileDown)
				.path("extensions")
				.path("cost")
				.path("throttleStatus")
				.path("maximumAvailable")
				.asLong()).isEqualTo(10_000);
			assertThat(health.health().getDetails()).containsEntry("mode", "LOCAL_FALLBACK");
		}
		finally {
			stack.startRedis();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> a.graphQl(other, SUMMARY).statusCode() == 200
					&& "DISTRIBUTED".equals(health.health().getDetails().get("mode")));
		assertThat(redisKeys(stack))
			.anySatisfy(key -> assertThat(key).endsWith("ratelimit:tenant:{other}:queries:10000:1"));
	}

	private static List<String> redisKeys(DevStack stack) {
		RedisClients clients = RedisClients.forUrl(stack.redisUrl());
		RedisConnector client = clients.create();
		try (RedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys("*ratelimit*");
		}
		finally {
			client.shutdown();
			clients.destroy();
		}
	}

	private static String code(HttpResponse<String> response) {
		JsonNode body = ApiInstance.json(response);
		return body.path("errors").path(0).path("extensions").path("code").asString();
	}

	private static String events(int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj(EVENT::formatted)
			.collect(Collectors.joining(",", "[", "]"));
	}

}
