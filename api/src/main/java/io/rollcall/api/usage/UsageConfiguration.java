package io.rollcall.api.usage;

import io.rollcall.api.security.Callers;
import io.rollcall.platform.redis.RedisClients;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Usage counting and where it plugs in: the counters (which the rate limiter and the
 * ingest service feed), their writer to Redis, the GraphQL interceptor that counts
 * operations and the servlet filter that counts REST requests.
 */
@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

	/**
	 * Right after the WebSocket authentication (which restores the caller of socket
	 * operations) and before the deadline, the document guard and the rate limiter, so
	 * their refusals are counted.
	 */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	/**
	 * After the request id and the GraphQL body limits, before Spring Security (at -100),
	 * whose refusals it counts.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	UsageCounters usageCounters(Clock clock) {
		return new UsageCounters(clock);
	}

	@Bean
	UsageRedis usageRedis(RedisClients redis, UsageProperties properties) {
		return new UsageRedis(redis, properties.retention());
	}

	@Bean
	UsageWriter usageWriter(UsageCounters counters, UsageRedis redis, UsageProperties properties) {
		return new UsageWriter(counters, redis, properties);
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor usageInterceptor(UsageCounters counters, Callers callers) {
		return new UsageInterceptor(counters, callers);
	}

	@Bean
	FilterRegistrationBean<UsageFilter> usageFilter(UsageCounters counters, Callers callers) {
		FilterRegistrationBean<UsageFilter> registration = new FilterRegistrationBean<>(
				new UsageFilter(counters, callers));
		registration.addUrlPatterns("/v1/*");
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

}
