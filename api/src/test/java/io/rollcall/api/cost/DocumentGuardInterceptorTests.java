package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.rollcall.api.FakeGraphQl;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Each document guard against a fake chain: an abusive document is refused with its own
 * code and never reaches the chain (so neither the rate limiter nor Elasticsearch).
 */
class DocumentGuardInterceptorTests {

	private static final String SUMMARY = "{ programSummary(programId: \"p\") { totalEvents } }";

	private final FakeGraphQl.Chain chain = new FakeGraphQl.Chain(Map.of("programSummary", Map.of("totalEvents", 1)));

	@Test
	void aDocumentFiftyLevelsDeepIsRefused() {
		String deep = "{ " + "a { ".repeat(50) + "b" + " }".repeat(50) + " }";

		assertRefused(run("", deep), "MAX_DEPTH_EXCEEDED");
	}

	@Test
	void tenThousandAliasesAreRefusedByTheTokenLimitAndOnTheirOwnByTheAliasLimit() {
		String aliases = IntStream.range(0, 10_000)
			.mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));

		assertRefused(run("", aliases), "PARSER_LIMIT_EXCEEDED");
		assertRefused(run("""
				rollcall.limits.document:
				  max-tokens: 100000
				  max-characters: 1000000
				""", aliases), "MAX_ALIASES_EXCEEDED");
	}

	@Test
	void aFiveMegabyteDocumentIsRefusedByTheCharacterLimit() {
		String huge = "{ __typename }" + " ".repeat(5 * 1024 * 1024);

		assertRefused(run("", huge), "PARSER_LIMIT_EXCEEDED");
	}

	@Test
	void tooManyRootFieldsAreRefused() {
		String fields = IntStream.range(0, 11)
			.mapToObj(i -> "s" + i + ": programSummary(programId: \"p\") { totalEvents }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		assertRefused(run("", fields), "MAX_ROOT_FIELDS_EXCEEDED");
	}

	@Test
	void aFragmentCycleIsRefusedWithAStableCode() {
		assertRefused(run("", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), "FRAGMENT_CYCLE");
	}

	@Test
	void anOperationOverTheMaximumCostIsRefusedWithItsCost() {
		WebGraphQlResponse response = run("""
				rollcall.limits.cost:
				  max-cost: 20
				""", SUMMARY);

		ResponseError error = assertRefused(response, "COST_LIMIT_EXCEEDED");
		assertThat(error.getExtensions()).containsEntry("cost", 21L).containsEntry("maxCost", 20L);
		assertThat(response.getExtensions()).containsEntry("cost",
				Map.of("requestedQueryCost", 21L, "actualQueryCost", 0L));
	}

	@Test
	void warnOnlyLetsOversizedDocumentsRun() {
		String deep = "{ " + "a { ".repeat(20) + "b" + " }".repeat(20) + " }";

		WebGraphQlResponse response = run("""
				rollcall.limits.document:
				  warn-only: true
				""", deep);

		assertThat(response.getErrors()).isEmpty();
		assertThat(chain.calls()).isEqualTo(1);
	}

	@Test
	void anAcceptedOperationCarriesItsPriceToTheRateLimiter() {
		WebGraphQlRequest request = FakeGraphQl.request(SUMMARY, Map.of());

		WebGraphQlResponse response = CostTestSchema.interceptor("").intercept(request, chain).block();

		assertThat(response.getErrors()).isEmpty();
		assertThat(chain.calls()).isEqualTo(1);
		assertThat(PricedOperation.of(request)).hasValueSatisfying(priced -> {
			assertThat(priced.requestedCost()).isEqualTo(21);
			assertThat(priced.actualCost(Map.of("programSummary", Map.of("totalEvents", 1)))).isEqualTo(21);
		});
	}

	@Test
	void graphQlJavaValidatesAnAcceptedDocumentWithoutTheCycleRuleTheGuardApplied() {
		WebGraphQlRequest request = FakeGraphQl.request(SUMMARY, Map.of());
		CostTestSchema.interceptor("").intercept(request, chain).block();
		// A cycle the guard would have refused, plus an unknown field so that nothing
		// runs after validation.
		String cycle = "{ noSuchField ...A } fragment A on Query { ...B } fragment B on Query { ...A }";

		// graphql-java's own cycle rule is about cubic in the number of fragments (see
		// FragmentCycles): with the guard's hint it is left out, every other rule stays.
		assertThat(validationErrors(request.toExecutionInput().transform(input -> input.query(cycle))))
			.containsExactly(ValidationErrorType.FieldUndefined);
		assertThat(validationErrors(ExecutionInput.newExecutionInput(cycle).build()))
			.contains(ValidationErrorType.FieldUndefined, ValidationErrorType.FragmentCycle);
	}

	@Test
	void invalidGraphQlIsLeftToGraphQlJava() {
		run("", "{ programSummary(");

		assertThat(chain.calls()).isEqualTo(1);
	}

	private WebGraphQlResponse run(String yaml, String document) {
		return CostTestSchema.interceptor(yaml).intercept(FakeGraphQl.request(document, Map.of()), chain).block();
	}

	/** The validation errors of graphql-java's execution of {@code input}. */
	private static List<Object> validationErrors(ExecutionInput input) {
		return GraphQL.newGraphQL(CostTestSchema.SCHEMA)
			.build()
			.execute(input)
			.getErrors()
			.stream()
			.map(error -> ((ValidationError) error).getValidationErrorType())
			.collect(Collectors.toList());
	}

	private ResponseError assertRefused(WebGraphQlResponse response, String code) {
		assertThat(chain.calls()).as("the operation must not run").isZero();
		assertThat(response.getExecutionResult().isDataPresent()).isFalse();
		assertThat(response.getErrors()).hasSize(1);
		ResponseError error = response.getErrors().getFirst();
		assertThat(error.getExtensions()).containsEntry("code", code);
		return error;
	}

}
