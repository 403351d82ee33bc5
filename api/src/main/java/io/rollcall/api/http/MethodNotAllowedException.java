package io.rollcall.api.http;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A mutation or subscription sent with GET: {@code METHOD_NOT_ALLOWED}, HTTP 405 with
 * {@code Allow: POST}. GET must stay safe, since browsers, proxies and prefetchers repeat
 * it at will.
 */
final class MethodNotAllowedException extends RollcallException {

	MethodNotAllowedException(String kind) {
		super(ErrorCode.METHOD_NOT_ALLOWED, "a " + kind + " cannot be sent with GET: use POST");
	}

	@Override
	public Map<String, String> headers() {
		return Map.of(HttpHeaders.ALLOW, "POST");
	}

}
