package io.rollcall.api.subscription;

import io.rollcall.api.error.GraphQlRejections;
import io.rollcall.api.security.Callers;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts each subscription against its connection's and its tenant's limits
 * ({@code MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED}, default 100;
 * {@code MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED}, default 2,000 per instance) from the
 * moment its stream is created until it ends, whatever ends it (complete, error, the
 * client's {@code complete}, the socket closing). A refused subscription never streams:
 * the client gets the error as the subscription's only result. It runs inside the rate
 * limiter, which then charges a refused subscription one unit, not its estimate.
 */
final class SubscriptionLimitInterceptor implements WebGraphQlInterceptor {

	private final SubscriptionCounts counts;

	private final Callers callers;

	SubscriptionLimitInterceptor(SubscriptionCounts counts, Callers callers) {
		this.counts = counts;
		this.callers = callers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socket)) {
			return chain.next(request);
		}
		return Mono.deferContextual(context -> {
			String tenantId = callers.current(context).tenantId();
			String connectionId = socket.getSessionInfo().getId();
			return chain.next(request).map(response -> count(request, response, connectionId, tenantId));
		});
	}

	private WebGraphQlResponse count(WebGraphQlRequest request, WebGraphQlResponse response, String connectionId,
			String tenantId) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
			return response; // a query or mutation over the socket, or a refused
								// subscription
		}
		try {
			counts.open(connectionId, tenantId);
		}
		catch (SubscriptionLimitException over) {
			return GraphQlRejections.response(request, over, Map.of());
		}
		Flux<?> counted = Flux.from(stream).doFinally(signal -> counts.close(connectionId, tenantId));
		return response.transform(builder -> builder.data(counted));
	}

}
