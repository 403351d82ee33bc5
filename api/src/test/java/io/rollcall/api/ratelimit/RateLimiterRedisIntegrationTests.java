package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.api.admission.Generations;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.stream.IngestKeys;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of {@link RateLimiterTests} again with the buckets in devstack's Redis,
 * charged by the limiter's scripts (each limiter under keys of its own), so the scripts
 * and the in-memory fallback keep the same arithmetic; and what only Redis does: the
 * tenant's cache generations come back with the reservation.
 */
@DevStackTest
class RateLimiterRedisIntegrationTests extends RateLimiterTests {

	@Override
	BucketStore store(RateLimitProperties properties) {
		DevStack stack = DevStack.global();
		return TestLimiters.redis(stack.redisUrl(), stack.redisKeyPrefix() + UUID.randomUUID() + ":", properties);
	}

	@Test
	void theReservationReadsTheTenantsCacheGenerationsInTheSameRoundTrip(DevStack stack) {
		String generations = new IngestKeys("test:").cacheGenerations("demo");
		redis(stack, commands -> commands.sync().hset(generations, Map.of("program:prog-0", "41", "contacts", "7")));
		try {
			RateLimiter.Reservation reservation = TestLimiters.reserve(limiter(RateLimiterTests.DEMO_100),
					TestLimiters.DEMO_ADMIN, 1);

			assertThat(reservation.generations())
				.contains(new Generations(Map.of("program:prog-0", 41L, "contacts", 7L)));
		}
		finally {
			redis(stack, commands -> commands.sync().del(generations));
		}
	}

	@Test
	void aBucketIsOneKeyUnderItsTenantsHashTagThatExpiresOnceFull(DevStack stack) {
		String prefix = stack.redisKeyPrefix() + UUID.randomUUID() + ":";
		RateLimitProperties properties = TestLimiters.properties(RateLimiterTests.DEMO_100);
		TestLimiters.reserve(TestLimiters.limiter(TestLimiters.redis(stack.redisUrl(), prefix, properties), properties),
				TestLimiters.DEMO_ADMIN, 30);

		String tenantBucket = prefix + "ratelimit:tenant:{demo}:queries:100:1";
		String clientBucket = prefix + "ratelimit:client:{demo}:demo-admin:queries:1000:1000";
		long buckets = redis(stack, commands -> commands.sync().exists(tenantBucket, clientBucket));
		assertThat(buckets).isEqualTo(2);
		// Full again in 30 s (30 units at 1 a second), kept 10 s more.
		long expiresIn = redis(stack, commands -> commands.sync().pttl(tenantBucket));
		assertThat(expiresIn).isBetween(30_000L, 40_000L);
	}

	private static <T> T redis(DevStack stack, Function<StatefulRedisConnection<String, String>, T> command) {
		RedisClient client = RedisClient.create(stack.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection);
		}
		finally {
			client.shutdown();
		}
	}

}
