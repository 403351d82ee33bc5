package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.schema.json.Violation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class GraphQlErrorResolverTests {

	private final GraphQlErrorResolver resolver = new GraphQlErrorResolver();

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void domainErrorsCarryTheirCodeAndDetails() {
		GraphQLError error = resolve(new UnavailableException("search is unavailable", Duration.ofSeconds(5),
				new IOException("Connection refused")));

		assertThat(error.getMessage()).isEqualTo("search is unavailable");
		assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
		assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("retryAfterMs", 5000L);
		assertThat(error.getPath()).containsExactly("programSummary");
	}

	@Test
	void badUserInputNamesTheViolations() {
		GraphQLError error = resolve(new BadUserInputException("rejected",
				List.of(new Violation(0, "e1", "occurredAt", "cannot read 'yesterday'")), "eventId"));

		assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		assertThat(error.getExtensions().get("violations"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.isEqualTo(
					Map.of("index", 0, "eventId", "e1", "field", "occurredAt", "message", "cannot read 'yesterday'"));
	}

	@Test
	void accessDeniedIsForbiddenForAnAuthenticatedCaller() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("demo-reader", null, "SCOPE_analytics:read"));

		GraphQLError error = resolve(new AccessDeniedException("Access Denied"));

		assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
		assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
	}

	@Test
	void accessDeniedIsUnauthenticatedForAnAnonymousCaller() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		GraphQLError error = resolve(new AccessDeniedException("Access Denied"));

		assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
		assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
	}

	@Test
	void unexpectedErrorsLeakNothing() {
		GraphQLError error = resolve(new IllegalStateException("[es] index_not_found_exception rollcall-progress"));

		assertThat(error.getMessage()).isEqualTo("internal error");
		assertThat(error.getExtensions()).containsOnly(Map.entry("code", "INTERNAL"));
	}

	private GraphQLError resolve(Throwable exception) {
		List<GraphQLError> errors = resolver.resolveException(exception, environment()).block();
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private static DataFetchingEnvironment environment() {
		DataFetchingEnvironment environment = mock(DataFetchingEnvironment.class);
		given(environment.getField()).willReturn(Field.newField("programSummary").build());
		given(environment.getExecutionStepInfo()).willReturn(ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.rootPath().segment("programSummary"))
			.build());
		given(environment.getGraphQlContext()).willReturn(GraphQLContext.getDefault());
		return environment;
	}

}
