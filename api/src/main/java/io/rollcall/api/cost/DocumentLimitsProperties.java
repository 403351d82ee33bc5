package io.rollcall.api.cost;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Shape limits of a GraphQL document (OWASP GraphQL cheat sheet), checked before it is
 * priced or run. The parser limits are handed to graphql-java's parser so that an
 * oversized document is abandoned while it is read, not after.
 *
 * @param maxDepth the deepest field nesting (a root field is depth 1; fragments are
 * expanded); deeper is {@code MAX_DEPTH_EXCEEDED}
 * @param maxAliases the most aliased fields in the operation (fragments expanded); more
 * is {@code MAX_ALIASES_EXCEEDED}
 * @param maxRootFields the most fields selected at the operation's root; more is
 * {@code MAX_ROOT_FIELDS_EXCEEDED}
 * @param maxCharacters the most characters of a document; more is
 * {@code PARSER_LIMIT_EXCEEDED}
 * @param maxTokens the most grammar tokens of a document (graphql-java's default); more
 * is {@code PARSER_LIMIT_EXCEEDED}
 * @param maxWhitespaceTokens the most whitespace and comment tokens (graphql-java's
 * default); more is {@code PARSER_LIMIT_EXCEEDED}
 * @param maxRuleDepth the deepest grammar rule nesting while parsing (graphql-java's
 * default; it bounds the parser's stack); deeper is {@code PARSER_LIMIT_EXCEEDED}
 * @param warnOnly log documents over the depth, alias and root-field limits (and parse
 * documents over the parser limits with graphql-java's defaults) instead of rejecting
 * them; fragment cycles are always rejected, since they cannot run
 */
@Validated
@ConfigurationProperties("rollcall.limits.document")
record DocumentLimitsProperties(@DefaultValue("15") @Positive int maxDepth,
		@DefaultValue("30") @Positive int maxAliases, @DefaultValue("10") @Positive int maxRootFields,
		@DefaultValue("100000") @Positive int maxCharacters, @DefaultValue("15000") @Positive int maxTokens,
		@DefaultValue("200000") @Positive int maxWhitespaceTokens, @DefaultValue("500") @Positive int maxRuleDepth,
		@DefaultValue("false") boolean warnOnly) {
}
