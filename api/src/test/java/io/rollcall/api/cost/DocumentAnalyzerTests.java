package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.OperationDefinition;
import io.rollcall.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cost formula of graphql/cost.graphqls, and the shape facts the guards check. */
class DocumentAnalyzerTests {

	private final DocumentParser parser = CostTestSchema.parser("");

	private final DocumentAnalyzer analyzer = CostTestSchema.analyzer("");

	@Test
	void programSummaryIsItsWeightPlusEveryFieldWithLessonsAtTheirAssumedSize() {
		// 20 (programSummary) + programId, totalEvents, activeReps, quizAccuracy (4)
		// + lessons (1) + 60 assumed lessons x 3 fields
		assertThat(estimate(CostTestSchema.read("/graphql-test/programSummary.graphql"), Map.of())).isEqualTo(205);
	}

	@Test
	void aRepProgressPageOf500CostsItsRowsTimesTheirFields() {
		// 50 + edges (1) + 500 x (node 1 + 4 fields + cursor 1) + pageInfo (1 + 2) +
		// totalCount (1): the arithmetic of the local demo plan (docs/RATE-LIMITS.md).
		assertThat(estimate(CostTestSchema.read("/cost/rep-progress-500.graphql"), Map.of("programId", "p")))
			.isEqualTo(3_055);
	}

	@Test
	void theSlicingArgumentIsReadFromVariablesElseItsDefault() {
		String byVariable = "query($n: Int) { repProgress(programId: \"p\", first: $n) { edges { cursor } } }";
		String byDefault = "{ repProgress(programId: \"p\") { edges { cursor } } }";

		assertThat(estimate(byVariable, Map.of("n", 10))).isEqualTo(50 + 1 + 10);
		assertThat(estimate(byDefault, Map.of())).isEqualTo(50 + 1 + 50);
	}

	@Test
	void everySelectionCountsTypenameIncluded() {
		String aliases = IntStream.range(0, 500)
			.mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));

		DocumentAnalyzer.Analysis analysis = analyzer.analyze(parser.parse(aliases), null, Map.of());

		assertThat(analysis.cost()).isEqualTo(500);
		assertThat(analysis.aliases()).isEqualTo(500);
		assertThat(analysis.rootFields()).isEqualTo(500);
	}

	@Test
	void theActualCostCountsWhatTheResponseHolds() {
		DocumentAnalyzer.Analysis analysis = analyzer.analyze(
				parser.parse(CostTestSchema.read("/cost/rep-progress-500.graphql")), null, Map.of("programId", "p"));
		Map<String, Object> row = Map.of("node",
				Map.of("contactId", "c", "lessonsCompleted", 1, "lastActivityAt", "t", "quizAccuracy", 1.0), "cursor",
				"x");
		Map<String, Object> data = Map.of("repProgress", Map.of("edges", List.of(row, row), "pageInfo",
				Map.of("hasNextPage", false, "endCursor", "x"), "totalCount", 2));

		assertThat(analysis.actual().applyAsLong(data)).isEqualTo(50 + 1 + 2 * 6 + 3 + 1);
		assertThat(new PricedOperation(analysis.kind(), analysis.cost(), analysis.actual()).actualCost(null)).isZero();
		assertThat(analysis.kind()).isEqualTo(OperationDefinition.Operation.QUERY);
	}

	@Test
	void aFragmentBombIsPricedAtItsExpandedSizeWithoutExpandingIt() {
		// F0 spreads F1 twice, F1 spreads F2 twice, ... : 2^40 __typename selections.
		StringBuilder document = new StringBuilder("{ ...F0 }\n");
		for (int i = 0; i < 40; i++) {
			document.append("fragment F%d on Query { ...F%d ...F%d }\n".formatted(i, i + 1, i + 1));
		}
		document.append("fragment F40 on Query { __typename }\n");

		assertThat(estimate(document.toString(), Map.of())).isEqualTo(1L << 40);
	}

	@Test
	void introspectionIsPricedFlat() {
		assertThat(estimate("{ __schema { types { name fields { name type { name } } } } }", Map.of())).isEqualTo(100);
	}

	@Test
	void depthCountsNestedFieldsThroughFragments() {
		String deep = "{ a { b { ...F } } } fragment F on Unknown { c { d } }";

		assertThat(analyzer.analyze(parser.parse(deep), null, Map.of()).depth()).isEqualTo(4);
	}

	@Test
	void fragmentCyclesAreRejectedWithTheirOwnCode() {
		String cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { __typename ...A }";
		String self = "{ ...A } fragment A on Query { programSummary(programId: \"p\") { ...A } }";

		assertThatThrownBy(() -> analyzer.analyze(parser.parse(cycle), null, Map.of())).isInstanceOfSatisfying(
				DocumentRejectedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAGMENT_CYCLE));
		assertThatThrownBy(() -> analyzer.analyze(parser.parse(self), null, Map.of())).isInstanceOfSatisfying(
				DocumentRejectedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAGMENT_CYCLE));
	}

	@Test
	void aVariablesDefaultSizesTheListAsGraphQlJavaWillPassIt() {
		String byVariableDefault = "query($n: Int = 10) { repProgress(programId: \"p\", first: $n) { edges { cursor } } }";

		assertThat(estimate(byVariableDefault, Map.of())).isEqualTo(50 + 1 + 10);
	}

	@Test
	void anInvalidVariableIsPricedAsAbsent() {
		String byVariable = "query($n: Int) { repProgress(programId: \"p\", first: $n) { edges { cursor } } }";

		// graphql-java refuses "ten" before anything runs; the price falls back to the
		// argument's default (first: 50).
		assertThat(estimate(byVariable, Map.of("n", "ten"))).isEqualTo(50 + 1 + 50);
	}

	@Test
	void theOperationAnalyzedIsTheOneGraphQlJavaRuns() {
		// An empty operation name selects the first operation, in graphql-java as here.
		String two = "query First { a: __typename b: __typename } query Second { c: __typename }";
		ExecutionResult ran = GraphQL.newGraphQL(CostTestSchema.SCHEMA)
			.build()
			.execute(ExecutionInput.newExecutionInput(two).operationName(""));

		DocumentAnalyzer.Analysis analysis = analyzer.analyze(parser.parse(two), "", Map.of());

		assertThat(ran.<Map<String, Object>>getData()).containsOnlyKeys("a", "b");
		assertThat(analysis.rootFields()).isEqualTo(2);
		assertThat(analysis.aliases()).isEqualTo(2);
		assertThat(analyzer.analyze(parser.parse(two), "Second", Map.of()).rootFields()).isEqualTo(1);
		assertThat(analyzer.analyze(parser.parse(two), null, Map.of())).isSameAs(DocumentAnalyzer.Analysis.NOTHING);
		assertThat(analyzer.analyze(parser.parse(two), "Third", Map.of())).isSameAs(DocumentAnalyzer.Analysis.NOTHING);
	}

	@Test
	void aChainOfFragmentsIsPricedUpToTheNestingLimit() {
		assertThat(estimate(fragmentChain(FragmentCycles.MAX_NESTING), Map.of())).isEqualTo(1);
	}

	@Test
	void aLongerChainIsRefusedBeforeAnyWalkCanOverflowItsStack() {
		// 1,800 fragments, some 14,000 tokens, under the parser limits: graphql-java's
		// cycle rule would take minutes on it, its execution overflows the stack.
		String chain = fragmentChain(1_800);

		assertThatExceptionOfType(DocumentRejectedException.class)
			.isThrownBy(() -> analyzer.analyze(parser.parse(chain), null, Map.of()))
			.satisfies(rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.MAX_DEPTH_EXCEEDED))
			.withMessageContaining("more than 100 deep");
	}

	/** {@code length} fragments, each spreading the next, the last selecting a field. */
	private static String fragmentChain(int length) {
		StringBuilder document = new StringBuilder("{ ...F0 }\n");
		for (int i = 0; i < length - 1; i++) {
			document.append("fragment F%d on Query { ...F%d }\n".formatted(i, i + 1));
		}
		document.append("fragment F%d on Query { __typename }\n".formatted(length - 1));
		return document.toString();
	}

	private long estimate(String document, Map<String, Object> variables) {
		return analyzer.analyze(parser.parse(document), null, variables).cost();
	}

}
