package io.rollcall.api.ratelimit;

import io.rollcall.api.security.Callers;
import io.rollcall.platform.redis.RedisClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The rate limiter and where it plugs in: a GraphQL interceptor after the document guard,
 * the health indicator ({@code rateLimiter}), and {@link RateLimiter#chargeWrites} for
 * the ingest service. (GraphQL over HTTP answers a refused request with 429, see
 * {@code http.GraphQlOverHttpHandler}.)
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** After the deadline and the document guard (which prices the operation). */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	@Bean
	LimiterRedis limiterRedis(RedisClients redis, RateLimitProperties properties) {
		return new LimiterRedis(redis, properties.bucketBatching());
	}

	@Bean
	BucketStore bucketStore(LimiterRedis redis, RateLimitProperties properties) {
		return new BucketStore(redis, properties);
	}

	@Bean
	RateLimiter rateLimiter(BucketStore store, RateLimitProperties properties) {
		return new RateLimiter(store, properties);
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor rateLimitInterceptor(RateLimiter limiter, Callers callers) {
		return new RateLimitInterceptor(limiter, callers);
	}

	@Bean
	RateLimiterHealthIndicator rateLimiterHealthIndicator(BucketStore store) {
		return new RateLimiterHealthIndicator(store);
	}

}
