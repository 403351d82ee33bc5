package io.rollcall.api.usage;

import graphql.GraphQLError;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Counts every GraphQL operation, over HTTP and WebSocket alike, for its caller's client:
 * one request, and a refusal under the code of its first error when the answer has errors
 * ({@code extensions.code}, else graphql-java's classification, e.g.
 * {@code ValidationError}). Outside every request policy (after only the WebSocket
 * authentication, which gives it the caller), so refusals by the deadline, the document
 * guard and the rate limiter are counted like any answer; an operation whose client went
 * away before the answer counts as a request.
 */
final class UsageInterceptor implements WebGraphQlInterceptor {

	private final UsageCounters counters;

	private final Callers callers;

	UsageInterceptor(UsageCounters counters, Callers callers) {
		this.counters = counters;
		this.callers = callers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual(context -> {
			Caller caller = callers.current(context);
			AtomicBoolean counted = new AtomicBoolean();
			return chain.next(request).doOnNext(response -> {
				if (counted.compareAndSet(false, true)) {
					counters.request(caller, code(response.getExecutionResult().getErrors()));
				}
			}).doOnCancel(() -> {
				if (counted.compareAndSet(false, true)) {
					counters.request(caller, null);
				}
			});
		});
	}

	private static String code(List<GraphQLError> errors) {
		if (errors.isEmpty()) {
			return null;
		}
		GraphQLError first = errors.getFirst();
		if (first.getExtensions() != null && first.getExtensions().get("code") instanceof String code) {
			return code;
		}
		return first.getErrorType() == null ? "UNKNOWN" : first.getErrorType().toString();
	}

}
