package io.rollcall.api.cost;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.rollcall.api.YamlFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The api's SDL (schema/ graphql/*.graphqls), and the document guard's parts over it
 * configured from YAML fixtures.
 */
final class CostTestSchema {

	static final GraphQLSchema SCHEMA = load("/graphql/rollcall.graphqls", "/graphql/dashboard.graphqls",
			"/graphql/subscription.graphqls", "/graphql/cost.graphqls");

	private CostTestSchema() {
	}

	static DocumentParser parser(String yaml) {
		return new DocumentParser(limits(yaml), new ParsedDocuments());
	}

	static DocumentAnalyzer analyzer(String yaml) {
		return new DocumentAnalyzer(SCHEMA, cost(yaml));
	}

	static DocumentGuardInterceptor interceptor(String yaml) {
		return interceptor(yaml, registeredDocuments(yaml));
	}

	static DocumentGuardInterceptor interceptor(String yaml, RegisteredDocuments registered) {
		return new DocumentGuardInterceptor(parser(yaml), analyzer(yaml), limits(yaml), cost(yaml), registered);
	}

	static RegisteredDocuments registeredDocuments(String yaml) {
		return new RegisteredDocuments(parser(yaml), analyzer(yaml), SCHEMA);
	}

	static CostProperties cost(String yaml) {
		return YamlFixture.bind(yaml, "rollcall.limits.cost", CostProperties.class);
	}

	static DocumentLimitsProperties limits(String yaml) {
		return YamlFixture.bind(yaml, "rollcall.limits.document", DocumentLimitsProperties.class);
	}

	static String read(String resource) {
		try (InputStream in = CostTestSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static GraphQLSchema load(String... resources) {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		for (String resource : List.of(resources)) {
			registry.merge(parser.parse(read(resource)));
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

}
