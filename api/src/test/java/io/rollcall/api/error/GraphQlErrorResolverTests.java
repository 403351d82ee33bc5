package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * The GraphQL errors clients get, exactly as Spring for GraphQL serializes them: a
 * {@code @GraphQlTest} slice with a controller that throws each kind of exception
 * ({@link FailingController}) and the api's one resolver.
 */
@GraphQlTest(controllers = FailingController.class,
		properties = "spring.graphql.schema.locations=classpath:graphql-errors/")
class GraphQlErrorResolverTests {

	@Autowired
	private ExecutionGraphQlService graphQl;

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void domainErrorsCarryTheirCodeDetailsAndClassification() {
		Map<String, Object> error = fail("UNAVAILABLE");

		assertThat(error).containsEntry("message", "search is unavailable, retry later")
			.containsEntry("path", List.of("fail"))
			.containsKey("locations");
		assertThat(extensions(error)).containsExactly(entry("code", "UNAVAILABLE"), entry("retryAfterMs", 5000L),
				entry("classification", "INTERNAL_ERROR"));
	}

	@Test
	void badUserInputNamesTheViolations() {
		Map<String, Object> violation = new LinkedHashMap<>();
		violation.put("index", 0);
		violation.put("eventId", null);
		violation.put("field", "occurredAt");
		violation.put("message", "cannot read 'yesterday'");

		assertThat(extensions(fail("BAD_USER_INPUT"))).containsExactly(entry("code", "BAD_USER_INPUT"),
				entry("violations", List.of(violation)), entry("classification", "BAD_REQUEST"));
	}

	@Test
	void anInvalidArgumentNamesTheArgument() {
		Map<String, Object> error = fail("INVALID_ARGUMENT");

		assertThat(error).containsEntry("message", "first must be between 1 and 500");
		assertThat(extensions(error)).containsExactly(entry("code", "BAD_USER_INPUT"), entry("argument", "first"),
				entry("classification", "BAD_REQUEST"));
	}

	@Test
	void aVisibilityTimeoutTellsTheTruth() {
		Map<String, Object> error = fail("VISIBILITY_TIMEOUT");

		assertThat(error).containsEntry("message",
				"accepted but not yet visible after 10s; the events will still be applied");
		assertThat(extensions(error)).containsExactly(entry("code", "VISIBILITY_TIMEOUT"),
				entry("classification", "INTERNAL_ERROR"));
	}

	@Test
	void notAppliedIsInternalWithTheIndexersReason() {
		Map<String, Object> error = fail("NOT_APPLIED");

		assertThat(error).containsEntry("message", "accepted but could not be applied: mapping conflict");
		assertThat(extensions(error)).containsExactly(entry("code", "INTERNAL"),
				entry("classification", "INTERNAL_ERROR"));
	}

	@Test
	void accessDeniedIsForbiddenForAnAuthenticatedCaller() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("demo-reader", null, "SCOPE_analytics:read"));

		Map<String, Object> error = fail("ACCESS_DENIED");

		assertThat(error).containsEntry("message", "the token lacks the scope this operation needs");
		assertThat(extensions(error)).containsExactly(entry("code", "FORBIDDEN"), entry("classification", "FORBIDDEN"));
	}

	@Test
	void accessDeniedIsUnauthenticatedForAnAnonymousCaller() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		Map<String, Object> error = fail("ACCESS_DENIED");

		assertThat(error).containsEntry("message", "a valid bearer token is required");
		assertThat(extensions(error)).containsExactly(entry("code", "UNAUTHENTICATED"),
				entry("classification", "UNAUTHORIZED"));
	}

	@Test
	void anAuthenticationFailureIsUnauthenticatedWithoutItsReason() {
		Map<String, Object> error = fail("AUTHENTICATION");

		assertThat(error).containsEntry("message", "a valid bearer token is required");
		assertThat(extensions(error)).containsExactly(entry("code", "UNAUTHENTICATED"),
				entry("classification", "UNAUTHORIZED"));
	}

	@Test
	void unexpectedErrorsLeakNothing() {
		Map<String, Object> error = fail("UNEXPECTED");

		assertThat(error).containsEntry("message", "internal error");
		assertThat(extensions(error)).containsExactly(entry("code", "INTERNAL"),
				entry("classification", "INTERNAL_ERROR"));
		assertThat(error.toString()).doesNotContain("index_not_found", "rollcall-progress");
	}

	@Test
	void aSubscriptionEndsWithTheSameShapeAndKeepsItsException() {
		List<GraphQLError> errors = subscriptionErrors("UNAVAILABLE");

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.toSpecification()).containsEntry("message", "search is unavailable, retry later");
			assertThat(extensions(error.toSpecification())).containsExactly(entry("code", "UNAVAILABLE"),
					entry("retryAfterMs", 5000L), entry("classification", "INTERNAL_ERROR"));
			assertThat(ApiGraphQlError.exceptionOf(error)).containsInstanceOf(UnavailableException.class);
		});
	}

	@Test
	void aSubscriptionDeniedAccessIsForbiddenItsSocketHasAValidToken() {
		assertThat(subscriptionErrors("ACCESS_DENIED")).singleElement()
			.satisfies(error -> assertThat(extensions(error.toSpecification()))
				.containsExactly(entry("code", "FORBIDDEN"), entry("classification", "FORBIDDEN")));
	}

	@Test
	void aSubscriptionsUnexpectedErrorLeaksNothing() {
		assertThat(subscriptionErrors("UNEXPECTED")).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).isEqualTo("internal error");
			assertThat(extensions(error.toSpecification())).containsExactly(entry("code", "INTERNAL"),
					entry("classification", "INTERNAL_ERROR"));
		});
	}

	/** The only error of the {@code fail} query, as the JSON map a client gets. */
	private Map<String, Object> fail(String failure) {
		ExecutionGraphQlResponse response = execute("{ fail(with: " + failure + ") }");
		Map<String, Object> body = response.toMap();
		assertThat(body).containsEntry("data", Collections.singletonMap("fail", null));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		assertThat(errors).hasSize(1);
		return errors.getFirst();
	}

	/** The errors the subscription's stream ends with, after its one value. */
	private List<GraphQLError> subscriptionErrors(String failure) {
		Publisher<ExecutionResult> stream = execute("subscription { failLater(with: " + failure + ") }").getData();
		List<Signal<Object>> signals = Flux.from(stream)
			.map(ExecutionResult::getData)
			.materialize()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(signals).hasSize(2);
		assertThat(signals.getFirst().get()).isEqualTo(Map.of("failLater", "first"));
		assertThat(signals.getLast().getThrowable()).isInstanceOf(SubscriptionPublisherException.class);
		return ((SubscriptionPublisherException) signals.getLast().getThrowable()).getErrors();
	}

	private ExecutionGraphQlResponse execute(String document) {
		return graphQl.execute(new DefaultExecutionGraphQlRequest(document, null, null, null, "1", Locale.ENGLISH))
			.block();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

}
