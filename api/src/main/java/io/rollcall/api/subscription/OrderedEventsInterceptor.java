package io.rollcall.api.subscription;

import graphql.execution.SubscriptionExecutionStrategy;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Mono;

/**
 * Sends each subscription's events in the order its stream emits them. graphql-java
 * resolves every event's selection as a future of its own and, by default, sends them as
 * they complete; a field resolved on another thread (Spring runs blocking controller
 * methods on virtual threads) then overtakes its predecessors, and a change log delivered
 * out of order is not one a client can resume from.
 */
final class OrderedEventsInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true))
				.build());
		}
		return chain.next(request);
	}

}
