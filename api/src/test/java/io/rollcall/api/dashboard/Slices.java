package io.rollcall.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import io.rollcall.api.search.SearchScope;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What the dashboard features' {@code @GraphQlTest} slices share: a real service reads
 * through a mocked {@link DashboardReads} (which has tests of its own), and bad arguments
 * are checked the way clients see them.
 */
public final class Slices {

	private Slices() {
	}

	/**
	 * Makes {@code reads} compute every answer at once within {@code scope}, as a cache
	 * miss does.
	 */
	public static void readWithin(DashboardReads reads, SearchScope scope) {
		given(reads.cached(anyString(), any(), any(), anyList(), any()))
			.willAnswer(call -> call.<Function<SearchScope, ?>>getArgument(4).apply(scope));
		given(reads.scope()).willReturn(scope);
	}

	/**
	 * Asserts that the operation {@code graphql-test/<document>.graphql} with
	 * {@code variables} is refused as {@code BAD_USER_INPUT} naming {@code argument},
	 * without internals in the message.
	 */
	public static void assertBadArgument(GraphQlTester graphQl, String document, Map<String, Object> variables,
			String argument) {
		graphQl.documentName(document)
			.variables(variables)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as("%s %s", document, variables).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
					.containsEntry("argument", argument);
				assertThat(error.getMessage()).doesNotContain("Exception", "elasticsearch");
			}));
	}

	/** Variables from name, value pairs (values may be {@code null}). */
	public static Map<String, Object> variables(Object... pairs) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			variables.put((String) pairs[i], pairs[i + 1]);
		}
		return variables;
	}

}
