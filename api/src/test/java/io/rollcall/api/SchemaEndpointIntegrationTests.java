package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /graphql/schema} over real HTTP: for {@code analytics:read} only, and it is
 * the schema the api serves: introspecting the printed SDL gives exactly what the api's
 * own introspection answers (types, fields, arguments, defaults, descriptions,
 * deprecations), in name order.
 */
@DevStackTest
class SchemaEndpointIntegrationTests {

	@Test
	void theSdlIsTheServedSchema(DevStack devStack, DevIssuer issuer) {
		try (RunningStack stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.security.introspection-enabled", "true"))) {
			String reader = issuer.token("demo-reader", "demo-reader-secret");
			String writerOnly = issuer.sign(issuer.claims("demo", "events:write").build());

			HttpResponse<String> sdl = stack.get("/graphql/schema", reader);
			HttpResponse<String> anonymous = stack.get("/graphql/schema", null);
			HttpResponse<String> withoutScope = stack.get("/graphql/schema", writerOnly);
			JsonNode served = RunningStack.JSON.readTree(
					stack
						.post("/graphql", reader, "application/json",
								RunningStack.JSON
									.writeValueAsString(Map.of("query", IntrospectionQuery.INTROSPECTION_QUERY)))
						.body());

			assertThat(sdl.statusCode()).isEqualTo(200);
			assertThat(sdl.body()).contains("type Query", "hasPreviousPage", "directive @cost");
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(withoutScope.statusCode()).isEqualTo(403);
			assertThat(served.path("errors").isMissingNode()).as(served.toString()).isTrue();
			assertThat(named(served.path("data")))
				.isEqualTo(named(RunningStack.JSON.valueToTree(introspect(sdl.body()))));
		}
	}

	/**
	 * {@code node} with every list of named things (types, fields, arguments, enum
	 * values, directives) in name order: the printer writes them sorted by name, the
	 * served schema keeps the SDL files' order, and neither order means anything.
	 */
	private static JsonNode named(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = RunningStack.JSON.createObjectNode();
			node.properties().forEach(property -> copy.set(property.getKey(), named(property.getValue())));
			return copy;
		}
		if (node.isArray()) {
			List<JsonNode> elements = new ArrayList<>();
			node.forEach(element -> elements.add(named(element)));
			elements.sort(Comparator.comparing(element -> element.path("name").asString("")));
			ArrayNode copy = RunningStack.JSON.createArrayNode();
			elements.forEach(copy::add);
			return copy;
		}
		return node;
	}

	private static Object introspect(String sdl) {
		GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
		ExecutionResult result = GraphQL.newGraphQL(schema).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
		assertThat(result.getErrors()).isEmpty();
		return result.getData();
	}

}
