package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import graphql.GraphqlErrorBuilder;
import io.rollcall.schema.json.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** The one shape of an error, in each of its three renderings. */
class ApiErrorTests {

	private final UnavailableException unavailable = new UnavailableException("search is unavailable",
			Duration.ofSeconds(5), null);

	@Test
	void theRestBodyIsCodeMessageAndDetails() {
		assertThat(ApiError.of(unavailable).restBody()).containsExactly(entry("code", "UNAVAILABLE"),
				entry("message", "search is unavailable"), entry("retryAfterMs", 5000L));
	}

	@Test
	void detailsKeepTheirNulls() {
		ApiError error = ApiError
			.of(new BadUserInputException("rejected", List.of(new Violation(5, null, null, "malformed")), "eventId"));

		assertThat(error.restBody().get("violations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("eventId", null)
			.containsEntry("field", null);
	}

	@Test
	void theRawGraphQlBodyIsOneErrorWithTheCodeInItsExtensions() {
		assertThat(ApiError.UNAUTHENTICATED.graphQlBody()).isEqualTo(Map.of("errors", List.of(Map.of("message",
				"a valid bearer token is required", "extensions", Map.of("code", "UNAUTHENTICATED")))));
	}

	@Test
	void aRejectionIsAGraphQlErrorWithTheCodesClassification() {
		ApiGraphQlError error = ApiGraphQlError.of(unavailable);

		assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
		assertThat(error.toSpecification()).containsExactly(entry("message", "search is unavailable"),
				entry("locations", List.of()), entry("extensions",
						Map.of("code", "UNAVAILABLE", "retryAfterMs", 5000L, "classification", "INTERNAL_ERROR")));
		assertThat(ApiGraphQlError.exceptionOf(error)).containsSame(unavailable);
	}

	@Test
	void otherGraphQlErrorsHaveNoDomainException() {
		assertThat(ApiGraphQlError.exceptionOf(GraphqlErrorBuilder.newError()
			.message("Validation error")
			.extensions(Map.of("code", "RATE_LIMITED"))
			.build())).isEmpty();
		assertThat(ApiGraphQlError
			.exceptionOf(ApiGraphQlError.of(ApiError.FORBIDDEN, new IllegalStateException("not a domain exception"))))
			.isEmpty();
	}

}
