package io.rollcall.api.cost;

import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;
import io.rollcall.api.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Parses a GraphQL document under the parser limits, checks its shape (fragment cycles,
 * depth, aliases, root fields) and prices its operation with the SDL's {@code @cost} and
 * {@code @listSize} directives: see {@code graphql/cost.graphqls} for the formula. Every
 * selected field counts, {@code __typename} included. A fragment is walked once per
 * (fragment, type, list sizing) and reused, so a "fragment bomb" that spreads fragments
 * exponentially costs linear time to price (and prices at its exponential size).
 *
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/GraphQL_Cheat_Sheet.html">OWASP GraphQL
 * cheat sheet</a>
 */
final class DocumentAnalyzer {

	static final String COST = "cost";

	static final String LIST_SIZE = "listSize";

	private final GraphQLSchema schema;

	private final CostProperties cost;

	private final ParserOptions parserOptions;

	private final ParsedDocuments known;

	DocumentAnalyzer(GraphQLSchema schema, CostProperties cost, DocumentLimitsProperties limits,
			ParsedDocuments known) {
		this.schema = schema;
		this.cost = cost;
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

	/**
	 * Checks the shape of the operation {@code operationName} (or the only operation) and
	 * prices it.
	 * @throws DocumentRejectedException {@code FRAGMENT_CYCLE}
	 */
	Analysis analyze(Document document, String operationName, Map<String, Object> variables) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		rejectCycles(fragments);
		OperationDefinition operation = operation(document, operationName);
		if (operation == null) {
			// graphql-java reports the unknown or ambiguous operation; nothing runs.
			return new Analysis(0, 0, 0, 0, data -> 0);
		}
		GraphQLFieldsContainer root = switch (operation.getOperation()) {
			case QUERY -> schema.getQueryType();
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
		};
		Walk walk = new Walk(fragments, variables == null ? Map.of() : variables);
		Stats stats = walk.selections(operation.getSelectionSet(), root, Set.of(), 0);
		return new Analysis(stats.cost(), stats.depth(), stats.aliases(), stats.fields(),
				data -> walk.actual(operation.getSelectionSet(), root, data));
	}

	private static OperationDefinition operation(Document document, String name) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (name == null || name.isEmpty()) {
			return operations.size() == 1 ? operations.getFirst() : null;
		}
		return operations.stream().filter(operation -> name.equals(operation.getName())).findFirst().orElse(null);
	}

	/**
	 * Depth-first search over fragment spreads; a spread back onto the path is a cycle.
	 */
	private static void rejectCycles(Map<String, FragmentDefinition> fragments) {
		Set<String> done = new HashSet<>();
		for (String name : fragments.keySet()) {
			visit(name, fragments, new ArrayDeque<>(), done);
		}
	}

	private static void visit(String name, Map<String, FragmentDefinition> fragments, Deque<String> path,
			Set<String> done) {
		if (path.contains(name)) {
			throw new DocumentRejectedException(ErrorCode.FRAGMENT_CYCLE, "fragment " + name + " spreads itself ("
					+ String.join(" -> ", path.reversed()) + " -> " + name + ")", Map.of("fragment", name));
		}
		FragmentDefinition fragment = fragments.get(name);
		if (fragment == null || !done.add(name)) {
			return;
		}
		path.push(name);
		for (String spread : spreads(fragment.getSelectionSet())) {
			visit(spread, fragments, path, done);
		}
		path.pop();
	}

	private static Set<String> spreads(SelectionSet set) {
		Set<String> names = new HashSet<>();
		if (set == null) {
			return names;
		}
		for (Selection<?> selection : set.getSelections()) {
			switch (selection) {
				case FragmentSpread spread -> names.add(spread.getName());
				case Field field -> names.addAll(spreads(field.getSelectionSet()));
				case InlineFragment inline -> names.addAll(spreads(inline.getSelectionSet()));
				default -> {
				}
			}
		}
		return names;
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

	/** The result of {@link #analyze}: the estimate, the shape, and the actual pricer. */
	record Analysis(long cost, int depth, long aliases, long rootFields, ToLongFunction<Object> actual) {
	}

	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private final Map<String, Stats> fragmentStats = new HashMap<>();

		Walk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.fragments = fragments;
			this.variables = variables;
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
			if (isIntrospection(field)) {
				// Walked for its depth and aliases; priced flat.
				Stats inner = selections(field.getSelectionSet(), null, Set.of(), 0);
				return new Stats(cost.introspectionCost(), inner.depth() + 1, add(aliases, inner.aliases()), 1);
			}
			GraphQLFieldDefinition definition = definition(parent, field.getName());
			long weight = weight(definition);
			if (field.getSelectionSet() == null) {
				return new Stats(weight, 1, aliases, 1);
			}
			GraphQLType inner = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
			Set<String> childSized = Set.of();
			long childSize = 0;
			long size = 1;
			Long requested = definition == null ? null : requestedSize(definition, field);
			List<String> sizes = definition == null ? List.of() : sizedFields(definition);
			if (!sizes.isEmpty()) {
				childSized = Set.copyOf(sizes);
				childSize = requested == null ? cost.defaultListSize() : requested;
			}
			else if (definition != null && isList(definition.getType())) {
				size = sizedFields.contains(field.getName()) ? sizedSize
						: (requested == null ? cost.defaultListSize() : requested);
			}
			Stats children = selections(field.getSelectionSet(), inner, childSized, childSize);
			return new Stats(add(weight, multiply(size, children.cost())), children.depth() + 1,
					add(aliases, children.aliases()), 1);
		}

		/** The cost of {@code data}, the response's value for {@code set}. */
		long actual(SelectionSet set, GraphQLType type, Object data) {
			if (set == null || !(data instanceof Map<?, ?> values)) {
				return 0;
			}
			long total = 0;
			for (Selection<?> selection : set.getSelections()) {
				total = add(total, switch (selection) {
					case Field field -> actualField(field, type, values);
					case InlineFragment inline -> actual(inline.getSelectionSet(), inline.getTypeCondition() == null
							? type : schema.getType(inline.getTypeCondition().getName()), data);
					case FragmentSpread spread -> fragments.containsKey(spread.getName())
							? actual(fragments.get(spread.getName()).getSelectionSet(),
									schema.getType(fragments.get(spread.getName()).getTypeCondition().getName()), data)
							: 0;
					default -> 0;
				});
			}
			return total;
		}

		private long actualField(Field field, GraphQLType parent, Map<?, ?> values) {
			String key = field.getResultKey();
			if (!values.containsKey(key)) {
				return 0;
			}
			if (isIntrospection(field)) {
				return cost.introspectionCost();
			}
			GraphQLFieldDefinition definition = definition(parent, field.getName());
			GraphQLType inner = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
			return add(weight(definition), elements(field.getSelectionSet(), inner, values.get(key)));
		}

		private long elements(SelectionSet set, GraphQLType type, Object value) {
			if (value instanceof List<?> list) {
				long total = 0;
				for (Object element : list) {
					total = add(total, elements(set, type, element));
				}
				return total;
			}
			return actual(set, type, value);
		}

		private Long requestedSize(GraphQLFieldDefinition definition, Field field) {
			GraphQLAppliedDirective listSize = definition.getAppliedDirective(LIST_SIZE);
			if (listSize == null) {
				return null;
			}
			List<String> slicing = listSize.getArgument("slicingArguments") == null ? List.of()
					: listSize.getArgument("slicingArguments").getValue();
			for (String name : slicing == null ? List.<String>of() : slicing) {
				Long given = argument(definition, field, name);
				if (given != null) {
					return Math.max(0, given);
				}
			}
			Integer assumed = listSize.getArgument("assumedSize") == null ? null
					: listSize.getArgument("assumedSize").getValue();
			return assumed == null ? null : (long) Math.max(0, assumed);
		}

		private Long argument(GraphQLFieldDefinition definition, Field field, String name) {
			Value<?> value = field.getArguments()
				.stream()
				.filter(argument -> argument.getName().equals(name))
				.map(argument -> (Value<?>) argument.getValue())
				.findFirst()
				.orElse(null);
			if (value instanceof IntValue literal) {
				return literal.getValue().longValue();
			}
			if (value instanceof VariableReference reference
					&& variables.get(reference.getName()) instanceof Number number) {
				return number.longValue();
			}
			if (value == null) {
				GraphQLArgument declared = definition.getArgument(name);
				if (declared != null && declared.hasSetDefaultValue()) {
					InputValueWithState defaulted = declared.getArgumentDefaultValue();
					if (defaulted.getValue() instanceof IntValue literal) {
						return literal.getValue().longValue();
					}
					if (defaulted.getValue() instanceof Number number) {
						return number.longValue();
					}
				}
			}
			return null;
		}

	}

	private static List<String> sizedFields(GraphQLFieldDefinition definition) {
		GraphQLAppliedDirective listSize = definition.getAppliedDirective(LIST_SIZE);
		if (listSize == null || listSize.getArgument("sizedFields") == null) {
			return List.of();
		}
		List<String> names = listSize.getArgument("sizedFields").getValue();
		return names == null ? List.of() : names;
	}

	private static long weight(GraphQLFieldDefinition definition) {
		GraphQLAppliedDirective directive = definition == null ? null : definition.getAppliedDirective(COST);
		if (directive == null) {
			return 1;
		}
		Integer weight = directive.getArgument("weight").getValue();
		return weight == null ? 1 : Math.max(0, weight);
	}

	private GraphQLFieldDefinition definition(GraphQLType parent, String name) {
		if (Introspection.TypeNameMetaFieldDef.getName().equals(name)) {
			return Introspection.TypeNameMetaFieldDef;
		}
		return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
	}

	private static boolean isIntrospection(Field field) {
		return field.getName().equals(Introspection.SchemaMetaFieldDef.getName())
				|| field.getName().equals(Introspection.TypeMetaFieldDef.getName());
	}

	private static boolean isList(GraphQLType type) {
		return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
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

}
