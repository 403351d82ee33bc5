package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Translates every exception of a REST controller into the one error shape. Domain
 * exceptions carry their code; framework errors keep their status; anything else is
 * {@code INTERNAL} with a generic message (stack traces and backend error bodies are
 * logged, never sent).
 */
@RestControllerAdvice
class RestErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

	@ExceptionHandler(RollcallException.class)
	ResponseEntity<Map<String, Object>> domain(RollcallException exception) {
		if (exception.code() == ErrorCode.INTERNAL || exception.code() == ErrorCode.UNAVAILABLE) {
			log.warn("{}: {}", exception.code(), exception.getMessage(), exception.getCause());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.code().status());
		exception.headers().forEach(response::header);
		return response.body(ErrorBodies.of(exception));
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<Map<String, Object>> unavailable(UnavailableException exception) {
		log.warn("{}: {}", ErrorCode.UNAVAILABLE, exception.getMessage(), exception.getCause());
		return ResponseEntity.status(ErrorCode.UNAVAILABLE.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())))
			.body(ErrorBodies.of(exception));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException exception) {
		return body(ErrorCode.FORBIDDEN, "the token lacks the scope this operation needs");
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Map<String, Object>> unauthenticated(AuthenticationException exception) {
		return body(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
	}

	/**
	 * A body that is not the JSON the handler reads (also GraphQL's
	 * {@code POST /graphql}, whose handler function has no advice of its own): the
	 * client's mistake, not an internal error; the parser's message names Java types, so
	 * it is not sent.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException exception) {
		return body(ErrorCode.BAD_USER_INPUT, "the request body is not valid JSON for this endpoint");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> other(Exception exception) {
		if (exception instanceof ErrorResponse framework) {
			HttpStatusCode status = framework.getStatusCode();
			ErrorCode code = ErrorCode.forStatus(status.value());
			String detail = framework.getBody().getDetail();
			return ResponseEntity.status(status)
				.headers(framework.getHeaders())
				.body(ErrorBodies.of(code, detail == null ? code.status().getReasonPhrase() : detail));
		}
		log.error("unexpected error", exception);
		return body(ErrorCode.INTERNAL, "internal error");
	}

	private static ResponseEntity<Map<String, Object>> body(ErrorCode code, String message) {
		return ResponseEntity.status(code.status()).body(ErrorBodies.of(code, message));
	}

}
