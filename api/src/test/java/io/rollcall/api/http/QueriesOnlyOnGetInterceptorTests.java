package io.rollcall.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.OperationDefinition.Operation;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.cost.PricedOperation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;

/** GET runs queries; a mutation or subscription sent with GET never reaches the chain. */
class QueriesOnlyOnGetInterceptorTests {

	private final QueriesOnlyOnGetInterceptor interceptor = new QueriesOnlyOnGetInterceptor();

	private final FakeGraphQl.Chain chain = new FakeGraphQl.Chain(Map.of("ok", true));

	@Test
	void aMutationWithGetIsRefusedWith405() {
		WebGraphQlResponse response = interceptor.intercept(priced(get(), Operation.MUTATION), chain).block();

		assertThat(chain.calls()).isZero();
		assertThat(GraphQlOverHttpHandler.refusal(response)).get()
			.satisfies(refusal -> assertThat(refusal.headers()).containsEntry("Allow", "POST"));
		assertThat(response.getErrors().getFirst().getExtensions()).containsEntry("code", "METHOD_NOT_ALLOWED");
	}

	@Test
	void aSubscriptionWithGetIsRefusedToo() {
		interceptor.intercept(priced(get(), Operation.SUBSCRIPTION), chain).block();

		assertThat(chain.calls()).isZero();
	}

	@Test
	void aQueryWithGetAndAMutationWithPostRun() {
		interceptor.intercept(priced(get(), Operation.QUERY), chain).block();
		interceptor.intercept(priced(FakeGraphQl.request("mutation { x }", Map.of()), Operation.MUTATION), chain)
			.block();

		assertThat(chain.calls()).isEqualTo(2);
	}

	private static WebGraphQlRequest priced(WebGraphQlRequest request, Operation kind) {
		new PricedOperation(kind, 1, data -> 1).attachTo(request);
		return request;
	}

	private static WebGraphQlRequest get() {
		ServerRequest http = ServerRequest.create(new MockHttpServletRequest("GET", "/graphql"), List.of());
		return new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, GetRequests.attributes(http), Map.of("query", "mutation { x }"), "1",
				Locale.ENGLISH);
	}

}
