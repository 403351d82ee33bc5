package io.rollcall.api.ratelimit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rollcall.api.security.Callers;
import io.rollcall.api.usage.UsageCounters;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.schema.stream.IngestKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The rate limiter and where it plugs in: a GraphQL interceptor after the document guard,
 * the health indicator ({@code rateLimiter}), the
 * {@code rollcall.ratelimit.fallback.active} gauge, and {@link RateLimiter#chargeWrites}
 * for the ingest service. (GraphQL over HTTP answers a refused request with 429, see
 * {@code http.GraphQlOverHttpHandler}.)
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
	RateLimiter rateLimiter(BucketStore store, RateLimitProperties properties, UsageCounters usage, IngestKeys keys,
			MeterRegistry meters, TenantTags tenants) {
		return new RateLimiter(store, properties, usage, keys, meters, tenants);
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

	/**
	 * 1 while the buckets are not in Redis (per-instance fallback or refusing), as the
	 * last request saw it, like the health indicator.
	 */
	@Bean
	MeterBinder rateLimiterFallbackGauge(BucketStore store) {
		return registry -> Gauge
			.builder("rollcall.ratelimit.fallback.active", store,
					buckets -> buckets.state().mode() == BucketStore.Mode.DISTRIBUTED ? 0 : 1)
			.description("1 while the rate limiter cannot use Redis (per-instance buckets or refusing)")
			.register(registry);
	}

}
