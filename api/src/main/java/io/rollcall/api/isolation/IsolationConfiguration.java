package io.rollcall.api.isolation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The search bulkhead and the request deadline (the outermost GraphQL request policy:
 * only the WebSocket authentication and the usage count come before it).
 */
@Configuration(proxyBeanMethods = false)
class IsolationConfiguration {

	@Bean
	SearchBulkhead searchBulkhead(IsolationProperties properties) {
		return new SearchBulkhead(properties);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	WebGraphQlInterceptor deadlineInterceptor(IsolationProperties properties) {
		return new DeadlineInterceptor(properties);
	}

}
