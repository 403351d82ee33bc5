package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers every exception of a REST controller with {@link ApiError#restBody()}, through
 * the one {@link ErrorTranslation}. Framework errors keep their status; domain exceptions
 * add their headers ({@code Retry-After}, {@code RateLimit}).
 */
@RestControllerAdvice
class RestErrorHandler {

	@ExceptionHandler(RollcallException.class)
	ResponseEntity<Map<String, Object>> domain(RollcallException exception) {
		ApiError error = translate(exception);
		ResponseEntity.BodyBuilder response = status(error);
		exception.headers().forEach(response::header);
		return response.body(error.restBody());
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<Map<String, Object>> unavailable(UnavailableException exception) {
		ApiError error = translate(exception);
		return status(error)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())))
			.body(error.restBody());
	}

	/**
	 * Access denied by a service: the filter chain lets no anonymous caller reach a
	 * controller, so this is always {@code FORBIDDEN}.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException exception) {
		return answer(translate(exception));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Map<String, Object>> unauthenticated(AuthenticationException exception) {
		return answer(translate(exception));
	}

	/**
	 * A body that is not the JSON the handler reads (also GraphQL's
	 * {@code POST /graphql}, whose handler function has no advice of its own): the
	 * client's mistake, not an internal error; the parser's message names Java types, so
	 * it is not sent.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException exception) {
		return answer(ApiError.of(ErrorCode.BAD_USER_INPUT, "the request body is not valid JSON for this endpoint"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> other(Exception exception) {
		if (exception instanceof ErrorResponse framework) {
			HttpStatusCode status = framework.getStatusCode();
			ErrorCode code = ErrorCode.forStatus(status.value());
			String detail = framework.getBody().getDetail();
			remember(code);
			return ResponseEntity.status(status)
				.headers(framework.getHeaders())
				.body(ApiError.of(code, detail == null ? code.status().getReasonPhrase() : detail).restBody());
		}
		return answer(translate(exception));
	}

	private static ApiError translate(Exception exception) {
		return ErrorTranslation.translate(exception, false, "a REST request");
	}

	private static ResponseEntity<Map<String, Object>> answer(ApiError error) {
		return status(error).body(error.restBody());
	}

	private static ResponseEntity.BodyBuilder status(ApiError error) {
		remember(error.code());
		return ResponseEntity.status(error.code().status());
	}

	/**
	 * Keeps the code in the request ({@link ErrorCode#REQUEST_ATTRIBUTE}) for what looks
	 * at answered requests: their status alone cannot tell every code apart.
	 */
	private static void remember(ErrorCode code) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ErrorCode.REQUEST_ATTRIBUTE, code, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
