package io.rollcall.api.cost;

import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/**
 * What the SDL says a field costs ({@code @cost}, {@code @listSize}; see
 * {@code graphql/cost.graphqls}), shared by the estimate and the actual cost, and the
 * arithmetic of cost units, which saturates at {@link Long#MAX_VALUE} instead of wrapping
 * (a fragment bomb prices at its exponential size).
 */
final class FieldPrices {

	static final String COST = "cost";

	static final String LIST_SIZE = "listSize";

	private FieldPrices() {
	}

	/**
	 * {@code @listSize} of a field.
	 *
	 * @param slicingArguments the arguments that set the size, first given wins
	 * @param assumedSize the size when none is given, or null
	 * @param sizedFields the child fields the size applies to (connections), else the
	 * field itself
	 */
	record ListSize(List<String> slicingArguments, Integer assumedSize, List<String> sizedFields) {

		static final ListSize NONE = new ListSize(List.of(), null, List.of());

	}

	/**
	 * The definition of field {@code name} of {@code parent} ({@code __typename}
	 * included); null when the type or field is unknown (graphql-java reports it).
	 */
	static GraphQLFieldDefinition definition(GraphQLType parent, String name) {
		if (Introspection.TypeNameMetaFieldDef.getName().equals(name)) {
			return Introspection.TypeNameMetaFieldDef;
		}
		return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
	}

	/** {@code __schema} and {@code __type}: priced flat. */
	static boolean isIntrospection(Field field) {
		return field.getName().equals(Introspection.SchemaMetaFieldDef.getName())
				|| field.getName().equals(Introspection.TypeMetaFieldDef.getName());
	}

	/** {@code @cost(weight:)}, else 1. */
	static long weight(GraphQLFieldDefinition definition) {
		Integer weight = definition == null ? null : argument(definition.getAppliedDirective(COST), "weight");
		return weight == null ? 1 : Math.max(0, weight);
	}

	static ListSize listSize(GraphQLFieldDefinition definition) {
		GraphQLAppliedDirective listSize = definition.getAppliedDirective(LIST_SIZE);
		if (listSize == null) {
			return ListSize.NONE;
		}
		List<String> slicing = argument(listSize, "slicingArguments");
		List<String> sized = argument(listSize, "sizedFields");
		return new ListSize(slicing == null ? List.of() : slicing, argument(listSize, "assumedSize"),
				sized == null ? List.of() : sized);
	}

	static boolean isList(GraphQLFieldDefinition definition) {
		return GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList;
	}

	/** The named type a field returns, lists and non-null unwrapped; null if unknown. */
	static GraphQLType innerType(GraphQLFieldDefinition definition) {
		return definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
	}

	static long add(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
	}

	static long multiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long low = a * b;
		return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
	}

	private static <T> T argument(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive == null ? null : directive.getArgument(name);
		return argument == null ? null : argument.getValue();
	}

}
