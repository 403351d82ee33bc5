package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.parser.InvalidSyntaxException;
import io.rollcall.api.error.ErrorCode;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parser limits of rollcall.limits.document, applied while the document is read. */
class DocumentParserTests {

	private final DocumentParser small = CostTestSchema.parser("""
			rollcall.limits.document:
			  max-tokens: 100
			  max-characters: 1000
			""");

	@Test
	void parserLimitsStopTheParse() {
		String manyTokens = IntStream.range(0, 200).mapToObj(i -> "a" + i).collect(Collectors.joining(" ", "{ ", " }"));
		String manyCharacters = "{ " + "x".repeat(2_000) + " }";

		assertThatThrownBy(() -> small.parse(manyTokens)).isInstanceOfSatisfying(DocumentRejectedException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSER_LIMIT_EXCEEDED));
		assertThatThrownBy(() -> small.parse(manyCharacters)).isInstanceOfSatisfying(DocumentRejectedException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSER_LIMIT_EXCEEDED));
	}

	@Test
	void warnOnlyParsesWithGraphQlJavasDefaults() {
		String manyTokens = IntStream.range(0, 200).mapToObj(i -> "a" + i).collect(Collectors.joining(" ", "{ ", " }"));

		assertThat(small.parseWithDefaultLimits(manyTokens).getDefinitions()).hasSize(1);
	}

	@Test
	void whatIsNotGraphQlIsLeftToGraphQlJava() {
		assertThatThrownBy(() -> small.parse("{ programSummary(")).isInstanceOf(InvalidSyntaxException.class);
	}

}
