package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.OperationDefinition;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.admission.Admission;
import io.rollcall.api.admission.AdmissionAccessor;
import io.rollcall.api.cost.PricedOperation;
import io.rollcall.api.security.TestCallers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import graphql.ExecutionResult;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	private final ReadingChain chain = new ReadingChain();

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
	void aQueryOverTheLimitReadsNothingAndIsRefused() {
		WebGraphQlResponse response = run(TENANT_1000, 1_500, 0, true);

		// It started (its reservation runs beside it) but its read waited for the
		// verdict and got the refusal; the answer is the refusal.
		assertThat(chain.calls()).isEqualTo(1);
		assertThat(chain.reads()).isZero();
		assertThat(chain.refusedReads()).isEqualTo(1);
		assertRefused(response);
	}

	@Test
	void aMutationOverTheLimitDoesNotRun() {
		WebGraphQlResponse response = run(TENANT_1000, 1_500, 0, false);

		assertThat(chain.calls()).isZero();
		assertRefused(response);
	}

	@Test
	void anAdmittedQueryReadsOnceAdmitted() {
		WebGraphQlResponse response = run(TENANT_1000, 205, 25, true);

		assertThat(chain.reads()).isEqualTo(1);
		assertThat(response.getExecutionResult().isDataPresent()).isTrue();
	}

	private static void assertRefused(WebGraphQlResponse response) {
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

	@Test
	void aSubscriptionIsChargedItsEstimateOnSubscribe() {
		RateLimitInterceptor interceptor = new RateLimitInterceptor(TestLimiters.limiter(TENANT_1000),
				TestCallers.withDefaultClaims());
		WebGraphQlRequest request = FakeGraphQl.request("subscription { changes { cursor } }", Map.of());
		new PricedOperation(OperationDefinition.Operation.SUBSCRIPTION, 120, data -> 3).attachTo(request);
		WebGraphQlInterceptor.Chain subscription = next -> Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(next.toExecutionInput(),
					ExecutionResult.newExecutionResult().data(Flux.never()).build())));

		WebGraphQlResponse response = interceptor.intercept(request, subscription).block();

		assertThat(response.getExtensions().get("cost"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("requestedQueryCost", 120L)
			.containsEntry("actualQueryCost", 120L);
	}

	private WebGraphQlResponse run(String yaml, long requested, long actual) {
		return run(yaml, requested, actual, true);
	}

	private WebGraphQlResponse run(String yaml, long requested, long actual, boolean query) {
		RateLimitInterceptor interceptor = new RateLimitInterceptor(TestLimiters.limiter(yaml),
				TestCallers.withDefaultClaims());
		WebGraphQlRequest request = FakeGraphQl.request("{ programSummary(programId: \"p\") { totalEvents } }",
				Map.of());
		new PricedOperation(query ? OperationDefinition.Operation.QUERY : OperationDefinition.Operation.MUTATION,
				requested, data -> actual)
			.attachTo(request);
		return interceptor.intercept(request, chain).block();
	}

	/**
	 * Answers like {@link FakeGraphQl.Chain}, after one read that waits for the request's
	 * admission as a dashboard read does (the admission restored from the Reactor context
	 * as Spring for GraphQL restores it around data fetchers).
	 */
	private static final class ReadingChain implements WebGraphQlInterceptor.Chain {

		private final FakeGraphQl.Chain answer = new FakeGraphQl.Chain(Map.of("programSummary", Map.of()));

		private final AdmissionAccessor accessor = new AdmissionAccessor();

		private final AtomicInteger reads = new AtomicInteger();

		private final AtomicInteger refusedReads = new AtomicInteger();

		@Override
		public Mono<WebGraphQlResponse> next(WebGraphQlRequest request) {
			return Mono.deferContextual(context -> {
				accessor.setValue(context.get(Admission.KEY));
				try {
					Admission.await();
					reads.incrementAndGet();
				}
				catch (RateLimitedException e) {
					refusedReads.incrementAndGet();
				}
				finally {
					accessor.setValue();
				}
				return answer.next(request);
			});
		}

		int calls() {
			return answer.calls();
		}

		int reads() {
			return reads.get();
		}

		int refusedReads() {
			return refusedReads.get();
		}

	}

}
