package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The one translation of an exception into the error a client sees, for GraphQL fields,
 * subscription streams and REST controllers alike. Domain exceptions carry their code;
 * Spring Security's are {@code UNAUTHENTICATED} or {@code FORBIDDEN}; anything else is
 * {@code INTERNAL} with a fixed message. What the client is not told (causes, stack
 * traces, backend error bodies) is logged.
 */
final class ErrorTranslation {

	private static final Logger log = LoggerFactory.getLogger(ErrorTranslation.class);

	private ErrorTranslation() {
	}

	/**
	 * @param anonymous whether the caller has no token: access denied to an anonymous
	 * caller means "authenticate", to an authenticated one "you may not"
	 * @param where what failed, for the log (a field name, "subscription", a request)
	 */
	static ApiError translate(Throwable exception, boolean anonymous, String where) {
		return switch (exception) {
			case RollcallException domain -> {
				if (domain.code() == ErrorCode.INTERNAL || domain.code() == ErrorCode.UNAVAILABLE) {
					log.warn("{} in {}: {}", domain.code(), where, domain.getMessage(), domain.getCause());
				}
				yield ApiError.of(domain);
			}
			case UnavailableException unavailable -> {
				log.warn("{} in {}: {}", ErrorCode.UNAVAILABLE, where, unavailable.getMessage(),
						unavailable.getCause());
				yield ApiError.of(unavailable);
			}
			case AccessDeniedException denied -> anonymous ? ApiError.UNAUTHENTICATED : ApiError.FORBIDDEN;
			case AuthenticationException unauthenticated -> ApiError.UNAUTHENTICATED;
			default -> {
				log.error("unexpected error in {}", where, exception);
				yield ApiError.INTERNAL;
			}
		};
	}

}
