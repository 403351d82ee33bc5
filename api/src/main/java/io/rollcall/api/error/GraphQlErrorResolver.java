package io.rollcall.api.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Translates exceptions of data fetchers into GraphQL errors with a stable
 * {@code extensions.code} (plus the exception's details, e.g. {@code retryAfterMs},
 * {@code violations}). Ordered first, so it also answers for security exceptions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	GraphQlErrorResolver() {
		// The security context of the request is restored, to tell anonymous from
		// forbidden.
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		return switch (exception) {
			case RollcallException domain -> {
				if (domain.code() == ErrorCode.INTERNAL || domain.code() == ErrorCode.UNAVAILABLE) {
					log.warn("{}: {}", domain.code(), domain.getMessage(), domain.getCause());
				}
				yield error(environment, domain.code(), domain.getMessage(), domain.details());
			}
			case UnavailableException unavailable -> {
				log.warn("{}: {}", ErrorCode.UNAVAILABLE, unavailable.getMessage(), unavailable.getCause());
				yield error(environment, ErrorCode.UNAVAILABLE, unavailable.getMessage(),
						ErrorBodies.unavailableDetails(unavailable));
			}
			case AccessDeniedException denied -> isAnonymous()
					? error(environment, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", Map.of())
					: error(environment, ErrorCode.FORBIDDEN, "the token lacks the scope this operation needs",
							Map.of());
			case AuthenticationException unauthenticated ->
				error(environment, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", Map.of());
			default -> {
				log.error("unexpected error in {}", environment.getField().getName(), exception);
				yield error(environment, ErrorCode.INTERNAL, "internal error", Map.of());
			}
		};
	}

	private boolean isAnonymous() {
		return trustResolver.isAnonymous(SecurityContextHolder.getContext().getAuthentication())
				|| SecurityContextHolder.getContext().getAuthentication() == null;
	}

	static GraphQLError error(DataFetchingEnvironment environment, ErrorCode code, String message,
			Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(details);
		return GraphqlErrorBuilder.newError(environment)
			.errorType(code.graphQlType())
			.message(message)
			.extensions(extensions)
			.build();
	}

}
