package io.rollcall.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.YamlFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/** A request that outlives its deadline gets DEADLINE_EXCEEDED, not a hang. */
class DeadlineInterceptorTests {

	private final DeadlineInterceptor interceptor = new DeadlineInterceptor(YamlFixture.bind("""
			rollcall.isolation:
			  request-timeout: 50ms
			""", "rollcall.isolation", IsolationProperties.class));

	@Test
	void aRequestPastItsDeadlineIsAnsweredWithDeadlineExceeded() {
		WebGraphQlResponse response = interceptor
			.intercept(FakeGraphQl.request("{ __typename }", Map.of()), request -> Mono.never())
			.block(Duration.ofSeconds(30));

		assertThat(response.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "DEADLINE_EXCEEDED")
				.containsEntry("retryAfterMs", 1_000L));
	}

	@Test
	void aRequestWithinItsDeadlineIsUntouched() {
		FakeGraphQl.Chain chain = new FakeGraphQl.Chain(Map.of("__typename", "Query"));

		WebGraphQlResponse response = interceptor.intercept(FakeGraphQl.request("{ __typename }", Map.of()), chain)
			.block(Duration.ofSeconds(30));

		assertThat(response.getErrors()).isEmpty();
		assertThat(chain.calls()).isEqualTo(1);
	}

}
