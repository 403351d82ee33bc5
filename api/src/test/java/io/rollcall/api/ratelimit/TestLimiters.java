package io.rollcall.api.ratelimit;

import io.rollcall.api.YamlFixture;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnectionProperties;
import io.rollcall.api.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
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

	private TestLimiters() {
	}

	static RateLimitProperties properties(String yaml) {
		return YamlFixture.bind(yaml, "rollcall.limits", RateLimitProperties.class);
	}

	static BucketStore unreachableRedis(RateLimitProperties properties) {
		RedisClients redis = new RedisClients(new RedisConnectionProperties("redis://127.0.0.1:" + closedPort(), false,
				null, null, null, "test:", Duration.ofSeconds(1), Duration.ofSeconds(1)));
		return new BucketStore(new LimiterRedis(redis, properties.bucketBatching()), properties);
	}

	static RateLimiter limiter(String yaml) {
		RateLimitProperties properties = properties(yaml);
		return new RateLimiter(unreachableRedis(properties), properties);
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
