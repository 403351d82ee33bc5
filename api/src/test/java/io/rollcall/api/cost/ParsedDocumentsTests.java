package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTests {

	private final ParsedDocuments documents = new ParsedDocuments();

	private final AtomicInteger parses = new AtomicInteger();

	/** graphql-java's own parse and validation against the real SDL, counted. */
	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
		parses.incrementAndGet();
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(CostTestSchema.SCHEMA, input);
		return result.isFailure() ? new PreparsedDocumentEntry(result.getErrors())
				: new PreparsedDocumentEntry(result.getDocument());
	};

	@Test
	void aValidDocumentIsParsedAndValidatedOnceThenServedToGraphQlAndTheGuard() {
		String query = "query($p: ID!) { programSummary(programId: $p) { totalEvents } }";
		PreparsedDocumentEntry first = documents.getDocumentAsync(input(query), parseAndValidate).join();
		PreparsedDocumentEntry again = documents.getDocumentAsync(input(query), parseAndValidate).join();

		assertThat(first.hasErrors()).isFalse();
		assertThat(again.getDocument()).isSameAs(first.getDocument());
		assertThat(parses).hasValue(1);
		assertThat(documents.known(query)).containsSame(first.getDocument());
	}

	@Test
	void anInvalidDocumentIsNeverKept() {
		String query = "{ programSummary(programId: \"p\") { noSuchField } }";
		assertThat(documents.getDocumentAsync(input(query), parseAndValidate).join().hasErrors()).isTrue();
		assertThat(documents.getDocumentAsync(input(query), parseAndValidate).join().hasErrors()).isTrue();

		assertThat(parses).hasValue(2);
		assertThat(documents.known(query)).isEmpty();
	}

	@Test
	void theCacheIsEmptiedRatherThanGrownPastItsBound() {
		for (int i = 0; i <= ParsedDocuments.MAX_ENTRIES; i++) {
			documents.getDocumentAsync(input("{ a" + i + ": contact(id: \"c\") { name } }"), parseAndValidate).join();
		}
		assertThat(documents.size()).isEqualTo(1);
	}

	private static ExecutionInput input(String query) {
		return ExecutionInput.newExecutionInput(query).build();
	}

}
