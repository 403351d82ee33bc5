package io.rollcall.api.cost;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document guards. The body filter runs before Spring Security, so an oversized body
 * is refused before its token is even checked; the document guard is the first GraphQL
 * interceptor after the deadline, so refused documents never reach the rate limiter.
 */
@Configuration(proxyBeanMethods = false)
class CostConfiguration {

	/**
	 * The guard's position among GraphQL interceptors (deadline first, rate limit next).
	 */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	FilterRegistrationBean<GraphQlRequestLimitsFilter> graphQlRequestLimitsFilter(RequestLimitsProperties properties,
			JsonMapper json) {
		FilterRegistrationBean<GraphQlRequestLimitsFilter> registration = new FilterRegistrationBean<>(
				new GraphQlRequestLimitsFilter(properties, json));
		registration.addUrlPatterns("/graphql");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	ParsedDocuments parsedDocuments() {
		return new ParsedDocuments();
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(ParsedDocuments documents) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	@Bean
	DocumentParser documentParser(DocumentLimitsProperties limits, ParsedDocuments documents) {
		return new DocumentParser(limits, documents);
	}

	@Bean
	DocumentAnalyzer documentAnalyzer(GraphQlSource source, CostProperties cost) {
		return new DocumentAnalyzer(source.schema(), cost);
	}

	@Bean
	RegisteredDocuments registeredDocuments(DocumentParser parser, DocumentAnalyzer analyzer, GraphQlSource source) {
		return new RegisteredDocuments(parser, analyzer, source.schema());
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor documentGuardInterceptor(DocumentParser parser, DocumentAnalyzer analyzer,
			DocumentLimitsProperties limits, CostProperties cost, RegisteredDocuments registeredDocuments) {
		return new DocumentGuardInterceptor(parser, analyzer, limits, cost, registeredDocuments);
	}

}
