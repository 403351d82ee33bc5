package io.rollcall.api.cost;

import static io.rollcall.api.cost.FieldPrices.add;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The cost of what a response holds, for settling the rate-limit charge: the estimate's
 * weights over the fields present in {@code data} and the real lengths of its lists. It
 * walks the response, so its work is bounded by what was sent, not by the document.
 */
final class ActualCost implements ToLongFunction<Object> {

	private final GraphQLSchema schema;

	private final long introspectionCost;

	private final Map<String, FragmentDefinition> fragments;

	private final SelectionSet operation;

	private final GraphQLType root;

	/**
	 * @param operation the operation's selection set
	 * @param root the operation's root type
	 */
	ActualCost(GraphQLSchema schema, CostProperties cost, Map<String, FragmentDefinition> fragments,
			SelectionSet operation, GraphQLType root) {
		this.schema = schema;
		this.introspectionCost = cost.introspectionCost();
		this.fragments = fragments;
		this.operation = operation;
		this.root = root;
	}

	@Override
	public long applyAsLong(Object data) {
		return selections(operation, root, data);
	}

	/** The cost of {@code data}, the response's value for {@code set}. */
	private long selections(SelectionSet set, GraphQLType type, Object data) {
		if (set == null || !(data instanceof Map<?, ?> values)) {
			return 0;
		}
		long total = 0;
		for (Selection<?> selection : set.getSelections()) {
			total = add(total, switch (selection) {
				case Field field -> field(field, type, values);
				case InlineFragment inline -> selections(inline.getSelectionSet(),
						inline.getTypeCondition() == null ? type : schema.getType(inline.getTypeCondition().getName()),
						data);
				case FragmentSpread spread -> spread(spread, data);
				default -> 0;
			});
		}
		return total;
	}

	private long spread(FragmentSpread spread, Object data) {
		FragmentDefinition fragment = fragments.get(spread.getName());
		return fragment == null ? 0
				: selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), data);
	}

	private long field(Field field, GraphQLType parent, Map<?, ?> values) {
		String key = field.getResultKey();
		if (!values.containsKey(key)) {
			return 0;
		}
		if (FieldPrices.isIntrospection(field)) {
			return introspectionCost;
		}
		GraphQLFieldDefinition definition = FieldPrices.definition(parent, field.getName());
		return add(FieldPrices.weight(definition),
				elements(field.getSelectionSet(), FieldPrices.innerType(definition), values.get(key)));
	}

	private long elements(SelectionSet set, GraphQLType type, Object value) {
		if (value instanceof List<?> list) {
			long total = 0;
			for (Object element : list) {
				total = add(total, elements(set, type, element));
			}
			return total;
		}
		return selections(set, type, value);
	}

}
