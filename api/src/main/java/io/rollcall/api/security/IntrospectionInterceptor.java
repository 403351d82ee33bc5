package io.rollcall.api.security;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Turns GraphQL introspection ({@code __schema}, {@code __type}) off for each request
 * unless {@code rollcall.security.introspection-enabled} is set (every GraphQL caller is
 * authenticated already). Per request, through graphql-java's
 * {@link Introspection#INTROSPECTION_DISABLED} context key, rather than Boot's
 * {@code spring.graphql.schema.introspection.enabled}, which switches graphql-java's
 * JVM-wide flag off and never back on: one application context without introspection
 * would take it from every other one in the JVM (api replicas in one test JVM).
 */
final class IntrospectionInterceptor implements WebGraphQlInterceptor {

	private final boolean enabled;

	IntrospectionInterceptor(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!enabled) {
			request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, Boolean.TRUE))
				.build());
		}
		return chain.next(request);
	}

}
