package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.OperationDefinition;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.cost.PricedOperation;
import io.rollcall.api.security.TestCallers;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The rate-limit interceptor against a fake chain: the reservation, the settlement, and
 * what the client sees of them.
 */
class RateLimitInterceptorTests {

	private static final String TENANT_1000 = """
			rollcall.limits:
			  redis-retry-interval: 1h
			  tenants:
			    demo:
			      capacity: 1000
			      refill-per-second: 1
			      client-capacity: 5000
			""";

	private final FakeGraphQl.Chain chain = new FakeGraphQl.Chain(Map.of("programSummary", Map.of()));

	@BeforeEach
	void authenticate() {
		TestLimiters.authenticate(TestLimiters.DEMO_ADMIN);
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyResponseCarriesItsCostAndTheBucketsState() {
		WebGraphQlResponse response = run(TENANT_1000, 205, 25);

		assertThat(chain.calls()).isEqualTo(1);
		assertThat(response.getExtensions()).containsKey("cost");
		@SuppressWarnings("unchecked")
		Map<String, Object> cost = (Map<String, Object>) response.getExtensions().get("cost");
		assertThat(cost).containsEntry("requestedQueryCost", 205L).containsEntry("actualQueryCost", 25L);
		@SuppressWarnings("unchecked")
		Map<String, Object> throttle = (Map<String, Object>) cost.get("throttleStatus");
		assertThat(throttle).containsEntry("maximumAvailable", 1000L).containsEntry("restoreRate", 1L);
		assertThat((Long) throttle.get("currentlyAvailable")).isBetween(975L, 976L);
		assertThat(response.getResponseHeaders().getFirst("RateLimit-Policy"))
			.isEqualTo("\"tenant\";q=1000;w=1000, \"client\";q=5000;w=5");
		assertThat(response.getResponseHeaders().getFirst("RateLimit")).startsWith("\"tenant\";r=97");
	}

	@Test
	void anOperationOverTheLimitDoesNotRun() {
		WebGraphQlResponse response = run(TENANT_1000, 1_500, 0);

		assertThat(chain.calls()).isZero();
		assertThat(response.getExecutionResult().isDataPresent()).isFalse();
		assertThat(response.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED");
			assertThat(error.getExtensions()).containsKey("retryAfterMs");
		});
		assertThat(response.getResponseHeaders().getFirst("Retry-After")).isNotNull();
		assertThat(response.getExtensions().get("cost"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("requestedQueryCost", 1_500L)
			.containsEntry("actualQueryCost", 0L);
	}

	private WebGraphQlResponse run(String yaml, long requested, long actual) {
		RateLimitInterceptor interceptor = new RateLimitInterceptor(TestLimiters.limiter(yaml),
				TestCallers.withDefaultClaims());
		WebGraphQlRequest request = FakeGraphQl.request("{ programSummary(programId: \"p\") { totalEvents } }",
				Map.of());
		new PricedOperation(OperationDefinition.Operation.QUERY, requested, data -> actual).attachTo(request);
		return interceptor.intercept(request, chain).block();
	}

}
