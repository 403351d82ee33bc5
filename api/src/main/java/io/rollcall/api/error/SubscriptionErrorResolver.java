package io.rollcall.api.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.rollcall.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The same translation as {@link GraphQlErrorResolver}, for errors a subscription's
 * stream ends with (they reach clients in the WebSocket {@code error} message): a stable
 * {@code extensions.code}, the domain message, nothing internal.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception) {
		return switch (exception) {
			case RollcallException domain -> {
				if (domain.code() == ErrorCode.INTERNAL || domain.code() == ErrorCode.UNAVAILABLE) {
					log.warn("{}: {}", domain.code(), domain.getMessage(), domain.getCause());
				}
				yield error(domain.code(), domain.getMessage(), domain.details());
			}
			case UnavailableException unavailable -> {
				log.warn("{}: {}", ErrorCode.UNAVAILABLE, unavailable.getMessage(), unavailable.getCause());
				yield error(ErrorCode.UNAVAILABLE, unavailable.getMessage(),
						ErrorBodies.unavailableDetails(unavailable));
			}
			case AccessDeniedException denied ->
				error(ErrorCode.FORBIDDEN, "the token lacks the scope this operation needs", Map.of());
			default -> {
				log.error("unexpected subscription error", exception);
				yield error(ErrorCode.INTERNAL, "internal error", Map.of());
			}
		};
	}

	private static GraphQLError error(ErrorCode code, String message, Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(details);
		return GraphqlErrorBuilder.newError()
			.errorType(code.graphQlType())
			.message(message)
			.extensions(extensions)
			.build();
	}

}
