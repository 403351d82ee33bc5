package io.rollcall.api.usage;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.security.TestCallers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The usage interceptor against fake chains: what it counts for each kind of answer. */
class UsageInterceptorTests {

	private static final Instant HOUR = Instant.parse("2026-11-20T09:00:00Z");

	private final UsageCounters counters = new UsageCounters(Clock.fixed(HOUR.plusSeconds(60), ZoneOffset.UTC));

	private final UsageInterceptor interceptor = new UsageInterceptor(counters, TestCallers.withDefaultClaims());

	private final WebGraphQlRequest request = FakeGraphQl
		.request("{ programSummary(programId: \"p\") { totalEvents } }", Map.of());

	@BeforeEach
	void authenticate() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claim("tenant_id", "demo")
			.claim("client_id", "acme-sync")
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAnswerWithoutErrorsIsOneRequest() {
		interceptor.intercept(request, new FakeGraphQl.Chain(Map.of("programSummary", Map.of()))).block();

		assertThat(counters.drain()).containsExactly(Map.entry(cell("requests"), 1L));
	}

	@Test
	void aRefusalIsCountedUnderItsCode() {
		interceptor
			.intercept(request,
					answering(GraphqlErrorBuilder.newError()
						.message("the tenant rate limit is exhausted")
						.extensions(Map.of("code", "RATE_LIMITED"))
						.build()))
			.block();

		assertThat(counters.drain()).containsOnly(Map.entry(cell("requests"), 1L),
				Map.entry(cell("refused:RATE_LIMITED"), 1L));
	}

	@Test
	void graphQlJavasOwnErrorsAreCountedUnderTheirClassification() {
		interceptor
			.intercept(request,
					answering(ValidationError.newValidationError()
						.validationErrorType(ValidationErrorType.FieldUndefined)
						.description("Field 'secret' is undefined")
						.build()))
			.block();

		assertThat(counters.drain()).containsOnly(Map.entry(cell("requests"), 1L),
				Map.entry(cell("refused:ValidationError"), 1L));
	}

	@Test
	void anOperationItsClientLeftIsStillOneRequest() {
		WebGraphQlInterceptor.Chain never = next -> Mono.never();

		interceptor.intercept(request, never).subscribe().dispose();

		assertThat(counters.drain()).containsExactly(Map.entry(cell("requests"), 1L));
	}

	private WebGraphQlInterceptor.Chain answering(graphql.GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return next -> Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(next.toExecutionInput(), result)));
	}

	private static UsageCounters.Cell cell(String field) {
		return new UsageCounters.Cell("demo", "acme-sync", HOUR, field);
	}

}
