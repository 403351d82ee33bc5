package io.rollcall.api.cost;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.rollcall.api.error.ErrorCode;
import java.util.Map;

/**
 * Parses GraphQL documents with graphql-java's parser under the parser limits of
 * {@code rollcall.limits.document} (characters, tokens, whitespace tokens, grammar
 * depth), so an oversized document is abandoned while it is read, not after. A document
 * that parsed and validated before is taken from {@link ParsedDocuments}.
 */
final class DocumentParser {

	private final ParserOptions parserOptions;

	private final ParsedDocuments known;

	DocumentParser(DocumentLimitsProperties limits, ParsedDocuments known) {
		this.known = known;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters())
				.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxWhitespaceTokens())
				.maxRuleDepth(limits.maxRuleDepth()));
	}

	/**
	 * The parser limits, also handed to graphql-java for its own parse of the document.
	 */
	ParserOptions parserOptions() {
		return parserOptions;
	}

	/**
	 * Parses {@code text} under the parser limits.
	 * @throws DocumentRejectedException {@code PARSER_LIMIT_EXCEEDED} when a limit is hit
	 * @throws InvalidSyntaxException when the document is not GraphQL (graphql-java
	 * reports it)
	 */
	Document parse(String text) {
		return known.known(text).orElseGet(() -> parse(text, parserOptions));
	}

	/** Parses {@code text} with graphql-java's default limits (warn-only mode). */
	Document parseWithDefaultLimits(String text) {
		return parse(text, ParserOptions.getDefaultOperationParserOptions());
	}

	private static Document parse(String text, ParserOptions options) {
		try {
			return Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(options).build());
		}
		catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
			// The message names the limit ("more than 15000 tokens") and nothing else.
			throw new DocumentRejectedException(ErrorCode.PARSER_LIMIT_EXCEEDED,
					"the document is over a parser limit: " + e.getMessage(), Map.of());
		}
	}

}
