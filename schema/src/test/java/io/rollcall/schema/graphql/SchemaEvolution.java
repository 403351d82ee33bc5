package io.rollcall.schema.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The deprecation policy of the GraphQL API, as checks of one SDL against the last
 * released one: a field, argument, input field, enum value or type is removed only after
 * a release that deprecated it (a type: all of its fields or values), and every
 * {@code @deprecated} gives a reason with the date it was deprecated
 * ({@code "Use x instead. Deprecated 2026-12-01."}).
 */
final class SchemaEvolution {

	/** An ISO date in a deprecation reason. */
	static final Pattern DATED = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

	private SchemaEvolution() {
	}

	static GraphQLSchema schema(List<String> sdl) {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		sdl.forEach(text -> registry.merge(parser.parse(text)));
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	/** What {@code current} removed from {@code released} without a deprecation first. */
	static List<String> removedWithoutDeprecation(GraphQLSchema released, GraphQLSchema current) {
		List<String> problems = new ArrayList<>();
		for (GraphQLNamedType type : apiTypes(released)) {
			GraphQLType now = current.getType(type.getName());
			switch (type) {
				case GraphQLFieldsContainer fields -> {
					for (GraphQLFieldDefinition field : fields.getFieldDefinitions()) {
						GraphQLFieldDefinition kept = now instanceof GraphQLFieldsContainer container
								? container.getFieldDefinition(field.getName()) : null;
						String name = type.getName() + "." + field.getName();
						if (kept == null) {
							require(problems, field.isDeprecated(), name);
							continue;
						}
						for (GraphQLArgument argument : field.getArguments()) {
							require(problems, kept.getArgument(argument.getName()) != null || argument.isDeprecated(),
									name + "(" + argument.getName() + ":)");
						}
					}
				}
				case GraphQLInputObjectType input -> {
					for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
						boolean kept = now instanceof GraphQLInputObjectType inputNow
								&& inputNow.getFieldDefinition(field.getName()) != null;
						require(problems, kept || field.isDeprecated(), type.getName() + "." + field.getName());
					}
				}
				case GraphQLEnumType values -> {
					for (GraphQLEnumValueDefinition value : values.getValues()) {
						boolean kept = now instanceof GraphQLEnumType valuesNow
								&& valuesNow.getValue(value.getName()) != null;
						require(problems, kept || value.isDeprecated(), type.getName() + "." + value.getName());
					}
				}
				default -> require(problems, now != null, type.getName());
			}
		}
		return problems;
	}

	/** Every {@code @deprecated} of {@code schema} without a dated reason. */
	static List<String> undatedDeprecations(GraphQLSchema schema) {
		List<String> problems = new ArrayList<>();
		for (GraphQLNamedType type : apiTypes(schema)) {
			switch (type) {
				case GraphQLFieldsContainer fields -> fields.getFieldDefinitions().forEach(field -> {
					dated(problems, field.isDeprecated(), field.getDeprecationReason(),
							type.getName() + "." + field.getName());
					field.getArguments()
						.forEach(argument -> dated(problems, argument.isDeprecated(), argument.getDeprecationReason(),
								type.getName() + "." + field.getName() + "(" + argument.getName() + ":)"));
				});
				case GraphQLInputObjectType input -> input.getFieldDefinitions()
					.forEach(field -> dated(problems, field.isDeprecated(), field.getDeprecationReason(),
							type.getName() + "." + field.getName()));
				case GraphQLEnumType values -> values.getValues()
					.forEach(value -> dated(problems, value.isDeprecated(), value.getDeprecationReason(),
							type.getName() + "." + value.getName()));
				default -> {
				}
			}
		}
		return problems;
	}

	private static List<GraphQLNamedType> apiTypes(GraphQLSchema schema) {
		return schema.getAllTypesAsList().stream().filter(type -> !type.getName().startsWith("__")).toList();
	}

	private static void require(List<String> problems, boolean allowed, String element) {
		if (!allowed) {
			problems.add(element + " was removed without being deprecated in the released schema");
		}
	}

	private static void dated(List<String> problems, boolean deprecated, String reason, String element) {
		if (deprecated && (reason == null || !DATED.matcher(reason).find())) {
			problems.add(element + " is deprecated without a reason that says when (YYYY-MM-DD): " + reason);
		}
	}

}
