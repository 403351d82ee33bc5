package io.rollcall.api.isolation;

import io.rollcall.api.error.GraphQlRejections;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The deadline of a GraphQL request ({@code rollcall.isolation.request-timeout}, default
 * 15 s): past it the client gets {@code DEADLINE_EXCEEDED} with a retry hint, in the
 * api's GraphQL error shape rather than Spring's bare 408 of
 * {@code TimeoutWebGraphQlInterceptor}. The outermost request policy, so the deadline
 * covers the rate limiter's Redis calls too. Work already running is not interrupted; the
 * Elasticsearch search timeout and socket timeout bound it.
 */
final class DeadlineInterceptor implements WebGraphQlInterceptor {

	private final IsolationProperties properties;

	DeadlineInterceptor(IsolationProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.timeout(properties.requestTimeout(), Mono.fromSupplier(() -> GraphQlRejections.response(request,
					new DeadlineExceededException(properties.requestTimeout(), properties.retryAfter()), Map.of())));
	}

}
