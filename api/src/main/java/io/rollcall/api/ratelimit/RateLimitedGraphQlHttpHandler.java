package io.rollcall.api.ratelimit;

import io.rollcall.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Spring for GraphQL's HTTP handler, except that a response refused by a rate limit (no
 * data, a {@code RATE_LIMITED} error) is HTTP 429 instead of 200, with
 * {@code Retry-After} taken from the error's {@code retryAfterMs} when no interceptor set
 * it (mutations limited by the write bucket). HTTP clients and proxies back off on 429
 * without reading GraphQL errors.
 */
final class RateLimitedGraphQlHttpHandler extends GraphQlHttpHandler {

	RateLimitedGraphQlHttpHandler(WebGraphQlHandler handler) {
		super(handler);
	}

	@Override
	protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
		return ServerResponse.async(responseMono.map(response -> {
			Long retryAfterMs = rateLimited(response);
			ServerResponse.BodyBuilder builder = ServerResponse
				.status(retryAfterMs == null ? HttpStatus.OK : HttpStatus.TOO_MANY_REQUESTS);
			builder.headers(headers -> headers.putAll(response.getResponseHeaders()));
			if (retryAfterMs != null && !response.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
				builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfterMs + 999) / 1000)));
			}
			builder.contentType(contentType(request));
			return builder.body(response.toMap());
		}).toFuture());
	}

	/** The error's {@code retryAfterMs} when the response was refused by a rate limit. */
	private static Long rateLimited(WebGraphQlResponse response) {
		if (response.getExecutionResult().getData() != null) {
			return null;
		}
		for (ResponseError error : response.getErrors()) {
			Map<String, Object> extensions = error.getExtensions();
			if (ErrorCode.RATE_LIMITED.name().equals(extensions.get("code"))) {
				return extensions.get("retryAfterMs") instanceof Number retry ? retry.longValue() : 1000L;
			}
		}
		return null;
	}

	private static MediaType contentType(ServerRequest request) {
		List<MediaType> accepted = request.headers().accept();
		return accepted.stream()
			.filter(type -> type.equals(MediaType.APPLICATION_GRAPHQL_RESPONSE)
					|| type.equals(MediaType.APPLICATION_JSON))
			.findFirst()
			.orElse(MediaType.APPLICATION_JSON);
	}

}
