package io.rollcall.api.ratelimit;

import io.rollcall.api.error.ApiGraphQlError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
 * data, an error made from a {@link RateLimitedException}) is HTTP 429 instead of 200,
 * with the exception's {@code Retry-After} when no interceptor set it (mutations limited
 * by the write bucket). HTTP clients and proxies back off on 429 without reading GraphQL
 * errors.
 */
final class RateLimitedGraphQlHttpHandler extends GraphQlHttpHandler {

	RateLimitedGraphQlHttpHandler(WebGraphQlHandler handler) {
		super(handler);
	}

	@Override
	protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
		return ServerResponse.async(responseMono.map(response -> {
			Optional<RateLimitedException> limited = rateLimited(response);
			ServerResponse.BodyBuilder builder = ServerResponse
				.status(limited.isPresent() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.OK);
			builder.headers(headers -> headers.putAll(response.getResponseHeaders()));
			if (limited.isPresent() && !response.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
				builder.header(HttpHeaders.RETRY_AFTER, limited.get().headers().get(HttpHeaders.RETRY_AFTER));
			}
			builder.contentType(contentType(request));
			return builder.body(response.toMap());
		}).toFuture());
	}

	/** The rate limit that refused the response, if one did. */
	static Optional<RateLimitedException> rateLimited(WebGraphQlResponse response) {
		if (response.getExecutionResult().getData() != null) {
			return Optional.empty();
		}
		return response.getExecutionResult()
			.getErrors()
			.stream()
			.flatMap(error -> ApiGraphQlError.exceptionOf(error).stream())
			.flatMap(exception -> exception instanceof RateLimitedException limited ? Stream.of(limited)
					: Stream.empty())
			.findFirst();
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
