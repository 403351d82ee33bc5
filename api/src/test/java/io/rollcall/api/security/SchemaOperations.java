package io.rollcall.api.security;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The api's operations as the schema declares them (every {@code *.graphqls} the api
 * loads), and random, schema-valid documents calling them: tests built on it cover fields
 * added later without being edited.
 */
final class SchemaOperations {

	/** A root field: {@code Query.programSummary}, {@code Mutation.recordEvents}... */
	record Operation(String rootType, GraphQLFieldDefinition field) {

		String name() {
			return this.rootType + "." + this.field.getName();
		}

		String keyword() {
			return switch (this.rootType) {
				case "Mutation" -> "mutation";
				case "Subscription" -> "subscription";
				default -> "query";
			};
		}

	}

	private final GraphQLSchema schema;

	private SchemaOperations(GraphQLSchema schema) {
		this.schema = schema;
	}

	/** Parses the same schema files the api loads ({@code classpath*:graphql/**}). */
	static SchemaOperations load() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:graphql/**/*.graphqls")) {
				try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					registry.merge(new SchemaParser().parse(reader));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SchemaOperations(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
	}

	List<Operation> operations(String rootType) {
		GraphQLObjectType root = switch (rootType) {
			case "Query" -> this.schema.getQueryType();
			case "Mutation" -> this.schema.getMutationType();
			case "Subscription" -> this.schema.getSubscriptionType();
			default -> throw new IllegalArgumentException(rootType);
		};
		if (root == null) {
			return List.of();
		}
		return root.getFieldDefinitions().stream().map(field -> new Operation(rootType, field)).toList();
	}

	List<Operation> all() {
		List<Operation> all = new ArrayList<>(operations("Query"));
		all.addAll(operations("Mutation"));
		all.addAll(operations("Subscription"));
		return all;
	}

	/**
	 * A document calling {@code operation} with generated arguments (inline literals):
	 * every ID argument or input field from {@code ids}, every String from
	 * {@code strings}, the other scalars and enums random; nullable arguments sometimes
	 * left out. The selection takes every field reachable without arguments.
	 */
	static String document(Operation operation, Random random, Function<Random, String> ids,
			Function<Random, String> strings) {
		Values values = new Values(random, ids, strings);
		StringJoiner arguments = new StringJoiner(", ", "(", ")").setEmptyValue("");
		operation.field().getArguments().forEach(argument -> {
			if (argument.getType() instanceof GraphQLNonNull || random.nextInt(4) != 0) {
				arguments.add(argument.getName() + ": " + values.literal(argument.getType()));
			}
		});
		return operation.keyword() + " { " + operation.field().getName() + arguments
				+ selection(operation.field().getType(), 0) + " }";
	}

	private static String selection(GraphQLOutputType type, int depth) {
		GraphQLType unwrapped = unwrap(type);
		if (!(unwrapped instanceof GraphQLObjectType object)) {
			return "";
		}
		StringJoiner fields = new StringJoiner(" ", " { ", " }");
		for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
			boolean needsArguments = field.getArguments()
				.stream()
				.anyMatch(argument -> argument.getType() instanceof GraphQLNonNull);
			boolean leaf = !(unwrap(field.getType()) instanceof GraphQLObjectType);
			if (!needsArguments && (leaf || depth < 3)) {
				fields.add(field.getName() + selection(field.getType(), depth + 1));
			}
		}
		return fields.toString();
	}

	private static GraphQLType unwrap(GraphQLType type) {
		GraphQLType current = type;
		while (current instanceof GraphQLNonNull || current instanceof GraphQLList) {
			current = (current instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType()
					: ((GraphQLList) current).getWrappedType();
		}
		return current;
	}

	/** GraphQL literals for input types. */
	private record Values(Random random, Function<Random, String> ids, Function<Random, String> strings) {

		String literal(GraphQLInputType type) {
			return switch (type) {
				case GraphQLNonNull nonNull -> literal((GraphQLInputType) nonNull.getWrappedType());
				case GraphQLList list -> {
					StringJoiner items = new StringJoiner(", ", "[", "]");
					for (int i = 0, n = 1 + this.random.nextInt(3); i < n; i++) {
						items.add(literal((GraphQLInputType) list.getWrappedType()));
					}
					yield items.toString();
				}
				case GraphQLEnumType enumType ->
					enumType.getValues().get(this.random.nextInt(enumType.getValues().size())).getName();
				case GraphQLInputObjectType input -> {
					StringJoiner fields = new StringJoiner(", ", "{", "}");
					for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
						if (field.getType() instanceof GraphQLNonNull || this.random.nextBoolean()) {
							fields.add(field.getName() + ": " + literal(field.getType()));
						}
					}
					yield fields.toString();
				}
				case GraphQLScalarType scalar -> scalar(scalar.getName());
				default -> throw new IllegalStateException("no literal for " + type);
			};
		}

		private String scalar(String name) {
			return switch (name) {
				case "ID" -> quote(this.ids.apply(this.random));
				case "String" -> quote(this.strings.apply(this.random));
				case "Int" -> Integer.toString(this.random.nextInt(-5, 1_000));
				case "Float" -> Double.toString(Math.round(this.random.nextDouble(-1, 101) * 100) / 100.0);
				case "Boolean" -> Boolean.toString(this.random.nextBoolean());
				// Rollcall's own scalars get well-formed literals: a malformed one is
				// refused by
				// GraphQL validation before any rule of the api is reached.
				case "Long" -> Long.toString(this.random.nextLong(0, 1_000_000));
				case "DateTime" -> quote(java.time.Instant.parse("2026-01-01T00:00:00Z")
					.plusSeconds(this.random.nextLong(0, 365L * 24 * 3600))
					.toString());
				default -> quote(this.strings.apply(this.random));
			};
		}

		static String quote(String value) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					default -> {
						if (c < 0x20) {
							quoted.append(String.format("\\u%04x", (int) c));
						}
						else {
							quoted.append(c);
						}
					}
				}
			}
			return quoted.append('"').toString();
		}

	}

}
