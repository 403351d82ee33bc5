package io.rollcall.api.subscription;

import io.rollcall.api.security.Callers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The interceptors of subscriptions: their limits, the innermost of all GraphQL
 * interceptors but one, and the order of their events, the innermost.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

	/**
	 * After the rate limiter (its order + 100): a refused subscription reaches the rate
	 * limiter as an error, and is settled to one unit.
	 */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 300;

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor subscriptionLimitInterceptor(SubscriptionLimitsProperties limits, Callers callers) {
		return new SubscriptionLimitInterceptor(new SubscriptionCounts(limits), callers);
	}

	@Bean
	@Order(INTERCEPTOR_ORDER + 100)
	WebGraphQlInterceptor orderedEventsInterceptor() {
		return new OrderedEventsInterceptor();
	}

}
