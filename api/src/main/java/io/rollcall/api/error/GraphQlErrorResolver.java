package io.rollcall.api.error;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The GraphQL exception resolver: every exception of a data fetcher, and every error a
 * subscription's stream ends with (sent in the WebSocket {@code error} message), becomes
 * an {@link ApiGraphQlError} through the one {@link ErrorTranslation}. Ordered first, so
 * it also answers for security exceptions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter implements SubscriptionExceptionResolver {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	GraphQlErrorResolver() {
		// The security context of the request is restored, to tell anonymous from
		// forbidden.
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		ApiError error = ErrorTranslation.translate(exception, isAnonymous(), environment.getField().getName());
		return ApiGraphQlError.of(error, exception, environment);
	}

	/**
	 * A subscription runs on a connection that {@code WebSocketAuthentication} admitted
	 * with a valid token, so a denied access there is always {@code FORBIDDEN}.
	 */
	@Override
	public Mono<List<GraphQLError>> resolveException(Throwable exception) {
		ApiError error = ErrorTranslation.translate(exception, false, "subscription");
		return Mono.just(List.of(ApiGraphQlError.of(error, exception)));
	}

	private boolean isAnonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || trustResolver.isAnonymous(authentication);
	}

}
