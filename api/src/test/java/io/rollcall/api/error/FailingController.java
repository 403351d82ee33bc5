package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;

import io.rollcall.schema.json.Violation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Fails on request (schema {@code graphql-errors/failures.graphqls}), with each kind of
 * exception a real controller or service throws.
 */
@Controller
class FailingController {

	enum Failure {

		UNAVAILABLE, BAD_USER_INPUT, INVALID_ARGUMENT, VISIBILITY_TIMEOUT, NOT_APPLIED, ACCESS_DENIED, AUTHENTICATION,
		UNEXPECTED;

		RuntimeException exception() {
			return switch (this) {
				case UNAVAILABLE -> new UnavailableException("search is unavailable, retry later",
						Duration.ofSeconds(5), new IOException("Connection refused: 127.0.0.1:9200"));
				case BAD_USER_INPUT -> new BadUserInputException("1 event rejected",
						List.of(new Violation(0, null, "occurredAt", "cannot read 'yesterday'")), "eventId");
				case INVALID_ARGUMENT -> new InvalidArgumentException("first", "must be between 1 and 500");
				case VISIBILITY_TIMEOUT -> new VisibilityTimeoutException(Duration.ofSeconds(10), "events");
				case NOT_APPLIED -> new NotAppliedException("mapping conflict");
				case ACCESS_DENIED -> new AccessDeniedException("Access Denied");
				case AUTHENTICATION -> new BadCredentialsException("Jwt expired at 2026-01-01T00:00:00Z");
				case UNEXPECTED -> new IllegalStateException("[es] index_not_found_exception rollcall-progress");
			};
		}

	}

	@QueryMapping
	String fail(@Argument Failure with) {
		throw with.exception();
	}

	@SubscriptionMapping
	Flux<String> failLater(@Argument Failure with) {
		return Flux.concat(Flux.just("first"), Flux.error(with.exception()));
	}

}
