package io.rollcall.api.ratelimit;

import io.rollcall.api.security.Callers;
import io.rollcall.api.usage.UsageCounters;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.schema.stream.IngestKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/**
 * The rate limiter and where it plugs in: a GraphQL interceptor after the document guard,
 * the HTTP handler that answers 429, the health indicator ({@code rateLimiter}), and
 * {@link RateLimiter#chargeWrites} for the ingest service.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** After the deadline and the document guard (which prices the operation). */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	@Bean
	LimiterRedis limiterRedis(RedisClients redis) {
		return new LimiterRedis(redis);
	}

	@Bean
	BucketStore bucketStore(LimiterRedis redis, RateLimitProperties properties) {
		return new BucketStore(redis, properties);
	}

	@Bean
	RateLimiter rateLimiter(BucketStore store, RateLimitProperties properties, UsageCounters usage, IngestKeys keys) {
		return new RateLimiter(store, properties, usage, keys);
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor rateLimitInterceptor(RateLimiter limiter, Callers callers) {
		return new RateLimitInterceptor(limiter, callers);
	}

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new RateLimitedGraphQlHttpHandler(handler);
	}

	@Bean
	RateLimiterHealthIndicator rateLimiterHealthIndicator(BucketStore store) {
		return new RateLimiterHealthIndicator(store);
	}

}
