package io.rollcall.api.cost;

import static io.rollcall.api.cost.FieldPrices.add;
import static io.rollcall.api.cost.FieldPrices.multiply;

import graphql.GraphQLContext;
import graphql.GraphQLException;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.UnknownOperationException;
import graphql.execution.ValuesResolver;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Checks the shape of a GraphQL operation (fragment cycles, depth, aliases, root fields)
 * and prices it with the SDL's {@code @cost} and {@code @listSize} directives (see
 * {@code graphql/cost.graphqls} for the formula), before it runs. Every selected field
 * counts, {@code __typename} included.
 * <p>
 * graphql-java does what it already does: {@link NodeUtil#getOperation} picks the
 * operation it will execute, and {@link ValuesResolver} coerces a slicing argument to the
 * value its data fetcher will see (a literal, a variable with its default, or the
 * argument's default). Fragment cycles are found in linear time by
 * {@link FragmentCycles}, not by graphql-java's rule (see there why).
 * <p>
 * The walk is Rollcall's own, because graphql-java's traversals cannot keep its bound: a
 * fragment is walked once per (fragment, list sizing) and its result reused, so a
 * "fragment bomb" that spreads fragments exponentially costs linear time to check and
 * price (and prices at its exponential size). {@code QueryTraverser}, on which
 * {@code MaxQueryDepthInstrumentation} and {@code MaxQueryComplexityInstrumentation}
 * build, visits a fragment's fields at every spread, i.e. exponentially often.
 *
 * @see <a href=
 * "https://github.com/graphql-java/graphql-java/blob/v25.0/src/main/java/graphql/analysis/QueryTraverser.java">QueryTraverser
 * in graphql-java 25.0</a>
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/GraphQL_Cheat_Sheet.html">OWASP GraphQL
 * cheat sheet</a>
 */
final class DocumentAnalyzer {

	private final GraphQLSchema schema;

	private final CostProperties cost;

	DocumentAnalyzer(GraphQLSchema schema, CostProperties cost) {
		this.schema = schema;
		this.cost = cost;
	}

	/**
	 * The result of {@link #analyze}: the operation's kind, the estimate, the shape, and
	 * the pricer of the actual response.
	 *
	 * @param kind query, mutation or subscription; null when there is no operation to run
	 * @param variableSized whether a list size came from a variable ({@code first: $n}),
	 * so that the estimate holds for this request's variables only
	 */
	record Analysis(OperationDefinition.Operation kind, long cost, int depth, long aliases, long rootFields,
			ToLongFunction<Object> actual, boolean variableSized) {

		/** No operation to run: graphql-java reports the missing or ambiguous one. */
		static final Analysis NOTHING = new Analysis(null, 0, 0, 0, 0, data -> 0, false);

	}

	/**
	 * Checks the shape of the operation graphql-java will run for {@code operationName}
	 * and prices it.
	 * @throws DocumentRejectedException {@code FRAGMENT_CYCLE}
	 */
	Analysis analyze(Document document, String operationName, Map<String, Object> variables) {
		Map<String, FragmentDefinition> fragments = NodeUtil.getFragmentsByName(document);
		FragmentCycles.reject(fragments);
		if (document.getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
			return Analysis.NOTHING;
		}
		OperationDefinition operation;
		try {
			operation = NodeUtil.getOperation(document, operationName).operationDefinition;
		}
		catch (UnknownOperationException e) {
			return Analysis.NOTHING;
		}
		GraphQLFieldsContainer root = switch (operation.getOperation()) {
			case QUERY -> schema.getQueryType();
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
		};
		Walk walk = new Walk(fragments, operation, variables);
		Stats stats = walk.selections(operation.getSelectionSet(), root, Set.of(), 0);
		return new Analysis(operation.getOperation(), stats.cost(), stats.depth(), stats.aliases(), stats.fields(),
				new ActualCost(schema, cost, fragments, operation.getSelectionSet(), root), walk.variableSized);
	}

	/**
	 * What a selection set costs at multiplier 1, how deep it goes, how many aliases it
	 * expands to and how many fields it selects at its own level.
	 */
	record Stats(long cost, int depth, long aliases, long fields) {

		static final Stats NONE = new Stats(0, 0, 0, 0);

		Stats plus(Stats other) {
			return new Stats(add(cost, other.cost), Math.max(depth, other.depth), add(aliases, other.aliases),
					add(fields, other.fields));
		}

	}

	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, VariableDefinition> variableDefinitions;

		private final RawVariables variables;

		private final GraphQLContext context = GraphQLContext.getDefault();

		private final Map<String, Stats> fragmentStats = new HashMap<>();

		private final Map<String, CoercedVariables> coerced = new HashMap<>();

		/** Whether a slicing argument was given by a variable. */
		private boolean variableSized;

		Walk(Map<String, FragmentDefinition> fragments, OperationDefinition operation, Map<String, Object> variables) {
			this.fragments = fragments;
			this.variableDefinitions = NodeUtil.nodeByName(operation.getVariableDefinitions());
			this.variables = RawVariables.of(variables == null ? Map.of() : variables);
		}

		/**
		 * @param sizedFields child field names whose list size the parent's slicing
		 * argument sets ({@code @listSize(sizedFields:)})
		 * @param sizedSize that size
		 */
		Stats selections(SelectionSet set, GraphQLType type, Set<String> sizedFields, long sizedSize) {
			Stats total = Stats.NONE;
			if (set == null) {
				return total;
			}
			for (Selection<?> selection : set.getSelections()) {
				Stats stats = switch (selection) {
					case Field field -> field(field, type, sizedFields, sizedSize);
					case InlineFragment inline -> selections(inline.getSelectionSet(), inline.getTypeCondition() == null
							? type : schema.getType(inline.getTypeCondition().getName()), sizedFields, sizedSize);
					case FragmentSpread spread -> spread(spread, sizedFields, sizedSize);
					default -> Stats.NONE;
				};
				total = total.plus(stats);
			}
			return total;
		}

		private Stats spread(FragmentSpread spread, Set<String> sizedFields, long sizedSize) {
			FragmentDefinition fragment = fragments.get(spread.getName());
			if (fragment == null) {
				return Stats.NONE; // graphql-java reports the unknown fragment
			}
			String key = fragment.getName() + '|' + sizedFields + '|' + sizedSize;
			Stats known = fragmentStats.get(key);
			if (known == null) {
				known = selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()),
						sizedFields, sizedSize);
				fragmentStats.put(key, known);
			}
			return known;
		}

		private Stats field(Field field, GraphQLType parent, Set<String> sizedFields, long sizedSize) {
			long aliases = field.getAlias() == null ? 0 : 1;
			if (FieldPrices.isIntrospection(field)) {
				// Walked for its depth and aliases; priced flat.
				Stats inner = selections(field.getSelectionSet(), null, Set.of(), 0);
				return new Stats(cost.introspectionCost(), inner.depth() + 1, add(aliases, inner.aliases()), 1);
			}
			GraphQLFieldDefinition definition = FieldPrices.definition(parent, field.getName());
			long weight = FieldPrices.weight(definition);
			if (field.getSelectionSet() == null) {
				return new Stats(weight, 1, aliases, 1);
			}
			Set<String> childSized = Set.of();
			long childSize = 0;
			long size = 1;
			if (definition != null) {
				FieldPrices.ListSize listSize = FieldPrices.listSize(definition);
				Long requested = requestedSize(definition, field, listSize);
				if (!listSize.sizedFields().isEmpty()) {
					childSized = Set.copyOf(listSize.sizedFields());
					childSize = requested == null ? cost.defaultListSize() : requested;
				}
				else if (FieldPrices.isList(definition)) {
					size = sizedFields.contains(field.getName()) ? sizedSize
							: (requested == null ? cost.defaultListSize() : requested);
				}
			}
			Stats children = selections(field.getSelectionSet(), FieldPrices.innerType(definition), childSized,
					childSize);
			return new Stats(add(weight, multiply(size, children.cost())), children.depth() + 1,
					add(aliases, children.aliases()), 1);
		}

		/** The first slicing argument's value, else {@code assumedSize}, else null. */
		private Long requestedSize(GraphQLFieldDefinition definition, Field field, FieldPrices.ListSize listSize) {
			for (String name : listSize.slicingArguments()) {
				Long given = argument(definition, field, name);
				if (given != null) {
					return Math.max(0, given);
				}
			}
			return listSize.assumedSize() == null ? null : (long) Math.max(0, listSize.assumedSize());
		}

		/**
		 * The value argument {@code name} will have, as graphql-java coerces it; null
		 * when it has none or an invalid one (the document has not been validated yet:
		 * graphql-java refuses an invalid value before anything runs).
		 */
		private Long argument(GraphQLFieldDefinition definition, Field field, String name) {
			GraphQLArgument declared = definition.getArgument(name);
			if (declared == null) {
				return null;
			}
			List<Argument> given = field.getArguments().stream().filter(each -> each.getName().equals(name)).toList();
			try {
				Object value = ValuesResolver
					.getArgumentValues(List.of(declared), given, variables(given), context, Locale.ROOT)
					.get(name);
				return value instanceof Number number ? number.longValue() : null;
			}
			catch (GraphQLException invalid) {
				return null;
			}
		}

		/** The coerced variable {@code arguments} refer to, coerced once per walk. */
		private CoercedVariables variables(List<Argument> arguments) {
			if (arguments.isEmpty() || !(arguments.getFirst().getValue() instanceof VariableReference reference)) {
				return CoercedVariables.emptyVariables();
			}
			variableSized = true;
			return coerced.computeIfAbsent(reference.getName(), this::coerce);
		}

		private CoercedVariables coerce(String name) {
			VariableDefinition definition = variableDefinitions.get(name);
			if (definition == null) {
				return CoercedVariables.emptyVariables(); // graphql-java reports it
			}
			try {
				return ValuesResolver.coerceVariableValues(schema, List.of(definition), variables, context,
						Locale.ROOT);
			}
			catch (GraphQLException invalid) {
				return CoercedVariables.emptyVariables();
			}
		}

	}

}
