package io.rollcall.api.http;

import io.rollcall.api.cache.Freshness;
import io.rollcall.api.error.ApiGraphQlError;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Spring for GraphQL's HTTP handler, completed where the api needs more:
 * <ul>
 * <li><b>Status codes.</b> Spring's own choice (200; 400 for an
 * {@code application/graphql-response+json} response without {@code data}: parse,
 * validation and variable-coercion failures), except that a response the api refused
 * before execution with one of its codes gets that code's status under
 * {@code application/graphql-response+json} (e.g. 413, 503, 504, 404 for
 * {@code PERSISTED_QUERY_NOT_FOUND}), and that {@code RATE_LIMITED} (429) and
 * {@code METHOD_NOT_ALLOWED} (405) keep theirs under {@code application/json} too: HTTP
 * clients and proxies back off on 429 without reading GraphQL errors, and 405 is the
 * answer the specification requires for a mutation sent with GET. The refusal's headers
 * ({@code Retry-After}, {@code Allow}) come along when no interceptor set them.</li>
 * <li><b>GET.</b> Queries from the URL's parameters ({@link GetRequests}); mutations are
 * refused by {@link QueriesOnlyOnGetInterceptor}. An answer with data, no errors and
 * nothing that depends on the clock ({@link Freshness}) carries an ETag
 * ({@link QueryETags}) and {@code Cache-Control: private, no-cache}: browsers keep it and
 * revalidate, and a request whose {@code If-None-Match} names the current ETag is
 * answered 304 without running anything. Any other GET answer is
 * {@code Cache-Control: no-store}.</li>
 * </ul>
 * Request bodies are read (and responses written) with a strict JSON converter (see
 * {@link GraphQlHttpConfiguration}), so a {@code query} or {@code operationName} that is
 * not a string is a 400 rather than a number coerced to a document.
 *
 * @see <a href="https://graphql.github.io/graphql-over-http/draft/">GraphQL over HTTP</a>
 */
final class GraphQlOverHttpHandler extends GraphQlHttpHandler {

	/** The codes whose status stands whatever the response's media type. */
	private static final Set<ErrorCode> HTTP_LEVEL = Set.of(ErrorCode.RATE_LIMITED, ErrorCode.METHOD_NOT_ALLOWED);

	/** Browsers keep a GET answer and ask again each time, with its ETag. */
	static final String CACHE_CONTROL = "private, no-cache";

	private final WebGraphQlHandler graphQlHandler;

	private final GetRequests gets;

	private final QueryETags etags;

	private final IdGenerator ids = new AlternativeJdkIdGenerator();

	GraphQlOverHttpHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<?> converter, GetRequests gets,
			QueryETags etags) {
		super(graphQlHandler, converter);
		this.graphQlHandler = graphQlHandler;
		this.gets = gets;
		this.etags = etags;
	}

	/**
	 * {@code GET /graphql}: a query from the URL, or 304 when the client's copy is
	 * current.
	 */
	ServerResponse handleGet(ServerRequest request) {
		Map<String, Object> body = gets.body(request);
		Optional<String> etag = etags.of(request);
		List<String> ifNoneMatch = request.headers().header(HttpHeaders.IF_NONE_MATCH);
		if (etag.isPresent() && QueryETags.matches(ifNoneMatch, etag.get())) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.headers(headers -> cacheable(headers, etag.get()))
				.build();
		}
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				cookies(request), request.remoteAddress().orElse(null), GetRequests.attributes(request), body,
				ids.generateId().toString(), LocaleContextHolder.getLocale());
		return prepareResponse(request, graphQlHandler.handleRequest(graphQlRequest).map(response -> {
			if (etag.isPresent() && isCacheable(response)) {
				cacheable(response.getResponseHeaders(), etag.get());
			}
			else {
				response.getResponseHeaders().setCacheControl(CacheControl.noStore());
			}
			return response;
		}));
	}

	@Override
	protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responses) {
		return super.prepareResponse(request, responses.map(GraphQlOverHttpHandler::withRefusalHeaders));
	}

	/**
	 * {@code response} with the headers of the api's refusal behind it (e.g.
	 * {@code Retry-After} of a mutation refused by the write bucket), where no
	 * interceptor set them.
	 */
	static WebGraphQlResponse withRefusalHeaders(WebGraphQlResponse response) {
		refusal(response).ifPresent(refusal -> refusal.headers().forEach((name, value) -> {
			if (!response.getResponseHeaders().containsHeader(name)) {
				response.getResponseHeaders().set(name, value);
			}
		}));
		return response;
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
		Optional<ErrorCode> refused = refusal(response).map(RollcallException::code);
		if (refused.isPresent() && HTTP_LEVEL.contains(refused.get())) {
			return refused.get().status();
		}
		HttpStatus status = super.selectResponseStatus(response, mediaType);
		if (status.isError() && MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(mediaType) && refused.isPresent()) {
			return refused.get().status();
		}
		return status;
	}

	/**
	 * The api's refusal behind a response without data: the domain exception its first
	 * such error was made from.
	 */
	static Optional<RollcallException> refusal(WebGraphQlResponse response) {
		if (response.getExecutionResult().getData() != null) {
			return Optional.empty();
		}
		return response.getExecutionResult()
			.getErrors()
			.stream()
			.flatMap(error -> ApiGraphQlError.exceptionOf(error).stream())
			.flatMap(exception -> exception instanceof RollcallException refusal ? Stream.of(refusal) : Stream.empty())
			.findFirst();
	}

	private static boolean isCacheable(WebGraphQlResponse response) {
		return response.getExecutionResult().getData() != null && response.getErrors().isEmpty()
				&& Freshness.isGenerationBound(response.getExecutionInput().getGraphQLContext());
	}

	private static void cacheable(HttpHeaders headers, String etag) {
		headers.setETag(etag);
		headers.setCacheControl(CACHE_CONTROL);
		headers.setVary(List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION));
	}

	private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		request.cookies().forEach((name, values) -> {
			for (Cookie cookie : values) {
				cookies.add(name, new HttpCookie(cookie.getName(), cookie.getValue()));
			}
		});
		return cookies;
	}

}
