package io.rollcall.api.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.security.Callers;
import io.rollcall.platform.observability.ObservabilityProperties;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The api's own observability: the GraphQL request timer with a bounded operation tag,
 * open subscriptions, and the tenant in every log line of a request.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	/**
	 * After Spring Security's filter chain (order -100), which authenticates the request.
	 */
	static final int TENANT_LOG_FILTER_ORDER = 0;

	static {
		// The tenant travels with the trace wherever Spring for GraphQL and Reactor
		// carry the request's context (data fetchers, subscription streams, Beside).
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(TenantLogFilter.KEY, () -> MDC.get(TenantLogFilter.KEY),
					tenant -> MDC.put(TenantLogFilter.KEY, tenant), () -> MDC.remove(TenantLogFilter.KEY));
	}

	@Bean
	GraphQlRequestConvention graphQlRequestConvention(ObservabilityProperties properties) {
		return new GraphQlRequestConvention(properties.maxGraphqlOperationNames());
	}

	@Bean
	OpenSubscriptions openSubscriptions(MeterRegistry meters) {
		return new OpenSubscriptions(meters);
	}

	@Bean
	FilterRegistrationBean<TenantLogFilter> tenantLogFilter(Callers callers) {
		FilterRegistrationBean<TenantLogFilter> registration = new FilterRegistrationBean<>(
				new TenantLogFilter(callers));
		registration.setOrder(TENANT_LOG_FILTER_ORDER);
		return registration;
	}

}
