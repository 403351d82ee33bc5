package io.rollcall.api.cost;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How GraphQL operations are priced (see {@code graphql/cost.graphqls} for the scheme).
 *
 * @param maxCost the highest estimated cost an operation may have; more is rejected
 * before it runs with {@code COST_LIMIT_EXCEEDED} and the computed cost. The default
 * (50,000) admits a 500-row {@code repProgress} page with every field and its contact
 * (about 6,000) with room to spare, and refuses documents that multiply lists into
 * millions of rows
 * @param defaultListSize the assumed length of a list field that has neither a slicing
 * argument nor {@code @listSize(assumedSize:)}
 * @param introspectionCost the flat price of {@code __schema} and {@code __type}
 * (GraphiQL and code generators fetch the schema; its nested lists would otherwise
 * multiply into millions)
 * @param warnOnly log operations over {@code maxCost} instead of rejecting them (for
 * rollout)
 */
@Validated
@ConfigurationProperties("rollcall.limits.cost")
record CostProperties(@DefaultValue("50000") @Positive long maxCost,
		@DefaultValue("100") @PositiveOrZero int defaultListSize,
		@DefaultValue("100") @PositiveOrZero int introspectionCost, @DefaultValue("false") boolean warnOnly) {
}
