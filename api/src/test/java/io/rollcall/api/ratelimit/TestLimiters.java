package io.rollcall.api.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.api.YamlFixture;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.api.isolation.Beside;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnectionProperties;
import io.rollcall.api.security.Caller;
import io.rollcall.api.usage.UsageCounters;
import io.rollcall.schema.stream.IngestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Limiters for unit tests: configured from YAML, with Redis at an address where nothing
 * listens, so every bucket is the in-memory fallback (FAIL_OPEN) or refused
 * (FAIL_CLOSED).
 */
final class TestLimiters {

	static final Caller DEMO_ADMIN = new Caller("demo", "demo-admin", null, List.of());

	static final TenantTags TENANTS = new TenantTags(Set.of("demo"));

	private TestLimiters() {
	}

	static RateLimitProperties properties(String yaml) {
		return YamlFixture.bind(yaml, "rollcall.limits", RateLimitProperties.class);
	}

	static BucketStore unreachableRedis(RateLimitProperties properties) {
		return redis("redis://127.0.0.1:" + closedPort(), "test:", properties);
	}

	/** Buckets in the Redis at {@code url}, under {@code keyPrefix}. */
	static BucketStore redis(String url, String keyPrefix, RateLimitProperties properties) {
		RedisClients redis = new RedisClients(new RedisConnectionProperties(url, false, null, null, null, keyPrefix,
				Duration.ofSeconds(1), Duration.ofSeconds(1)));
		return new BucketStore(new LimiterRedis(redis), properties);
	}

	static RateLimiter limiter(String yaml) {
		return limiter(yaml, new UsageCounters(Clock.systemUTC()));
	}

	/** A limiter that counts its clients' usage in {@code usage}. */
	static RateLimiter limiter(String yaml, UsageCounters usage) {
		RateLimitProperties properties = properties(yaml);
		return limiter(unreachableRedis(properties), properties, usage);
	}

	/** A limiter over {@code store}, whose usage counts go nowhere. */
	static RateLimiter limiter(BucketStore store, RateLimitProperties properties) {
		return limiter(store, properties, new UsageCounters(Clock.systemUTC()));
	}

	/** A limiter over {@code store} that counts its clients' usage in {@code usage}. */
	static RateLimiter limiter(BucketStore store, RateLimitProperties properties, UsageCounters usage) {
		return new RateLimiter(store, properties, usage, new IngestKeys("test:"), new SimpleMeterRegistry(), TENANTS);
	}

	/** {@link RateLimiter#reserve}, waited for; its refusal thrown as such. */
	static RateLimiter.Reservation reserve(RateLimiter limiter, Caller caller, long cost) {
		return Beside.join(limiter.reserve(caller, cost));
	}

	/** {@link RateLimiter#settle}, waited for. */
	static RateLimitHeaders settle(RateLimiter limiter, RateLimiter.Reservation reservation, long actualCost) {
		return Beside.join(limiter.settle(reservation, actualCost));
	}

	/** Makes {@code caller} the authenticated caller of this thread. */
	static void authenticate(Caller caller) {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claim("tenant_id", caller.tenantId())
			.claim("client_id", caller.clientId())
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
