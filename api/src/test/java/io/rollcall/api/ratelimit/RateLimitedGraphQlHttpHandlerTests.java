package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.error.ApiGraphQlError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Which GraphQL responses the HTTP handler answers with 429: those refused by a rate
 * limit, known by the exception their error was made from.
 */
class RateLimitedGraphQlHttpHandlerTests {

	private final RateLimitedException limited = new RateLimitedException("the tenant's rate limit is exhausted",
			Duration.ofMillis(1_500), new RateLimitHeaders(List.of()));

	@Test
	void aResponseRefusedByARateLimitIsFound() {
		assertThat(RateLimitedGraphQlHttpHandler.rateLimited(response(null, ApiGraphQlError.of(limited))))
			.containsSame(limited);
		assertThat(limited.headers()).containsEntry("Retry-After", "2");
	}

	@Test
	void aResponseWithDataIsNotRefused() {
		assertThat(RateLimitedGraphQlHttpHandler
			.rateLimited(response(Map.of("programSummary", Map.of()), ApiGraphQlError.of(limited)))).isEmpty();
	}

	@Test
	void anErrorThatOnlySaysRateLimitedIsNotARateLimit() {
		GraphQLError lookalike = GraphqlErrorBuilder.newError()
			.message("rate limited")
			.extensions(Map.of("code", "RATE_LIMITED", "retryAfterMs", 1000))
			.build();

		assertThat(RateLimitedGraphQlHttpHandler.rateLimited(response(null, lookalike))).isEmpty();
	}

	private static WebGraphQlResponse response(Object data, GraphQLError error) {
		WebGraphQlRequest request = FakeGraphQl.request("{ programSummary(programId: \"p\") { totalEvents } }",
				Map.of());
		ExecutionResult result = ExecutionResult.newExecutionResult().data(data).addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
