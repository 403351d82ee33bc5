package io.rollcall.api.http;

import graphql.language.OperationDefinition;
import io.rollcall.api.cost.PricedOperation;
import io.rollcall.api.error.GraphQlRejections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Runs only queries that came with GET; a mutation or subscription is refused with
 * {@code METHOD_NOT_ALLOWED} (HTTP 405, {@code Allow: POST}) before the rate limiter
 * charges it. The operation's kind is the one the document guard found (the operation
 * graphql-java would run); a document the guard could not read has no operation to run.
 */
final class QueriesOnlyOnGetInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!GetRequests.isGet(request)) {
			return chain.next(request);
		}
		Optional<OperationDefinition.Operation> kind = PricedOperation.of(request).flatMap(PricedOperation::kind);
		if (kind.isPresent() && kind.get() != OperationDefinition.Operation.QUERY) {
			return Mono.just(GraphQlRejections.response(request,
					new MethodNotAllowedException(kind.get().name().toLowerCase(Locale.ROOT)), Map.of()));
		}
		return chain.next(request);
	}

}
