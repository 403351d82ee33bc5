package io.rollcall.api;

import graphql.ExecutionResult;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * GraphQL requests and a fake interceptor chain for testing one interceptor on its own:
 * the chain answers with fixed data and counts how often it was called, i.e. whether the
 * operation would have run.
 */
public final class FakeGraphQl {

	private FakeGraphQl() {
	}

	public static WebGraphQlRequest request(String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, new HashMap<>(), body, "1", Locale.ENGLISH);
	}

	/** A chain that answers {@code data} and counts its calls. */
	public static final class Chain implements WebGraphQlInterceptor.Chain {

		private final Map<String, Object> data;

		private final AtomicInteger calls = new AtomicInteger();

		public Chain(Map<String, Object> data) {
			this.data = data;
		}

		@Override
		public Mono<WebGraphQlResponse> next(WebGraphQlRequest request) {
			calls.incrementAndGet();
			ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		}

		public int calls() {
			return calls.get();
		}

	}

}
