package io.rollcall.bench;

import io.rollcall.schema.index.IndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One dashboard query measured two ways: the GraphQL document sent to the gateway, and
 * the Elasticsearch request the gateway's {@code TenantScopedSearch} sends for it, sent
 * straight to Elasticsearch. Both live in {@code dashboard/<name>.graphql} and
 * {@code dashboard/<name>.json}; the JSON's {@code ${tenantId}} and {@code ${variable}}
 * placeholders take the tenant and the GraphQL variables.
 *
 * @param name the query's name, also the resources' base name
 * @param index the index {@code TenantScopedSearch} queries for it
 * @param variables the GraphQL variables (strings)
 * @param document the GraphQL document
 * @param elasticsearchBody the search body, placeholders unresolved
 */
record DashboardQuery(String name, Function<IndexNames, String> index, Map<String, String> variables, String document,
		String elasticsearchBody) {

	/**
	 * The queries measured: adding one is one line here plus its two resource files. The
	 * other dashboard queries of issue #4 join as they land in the api.
	 */
	static List<DashboardQuery> all() {
		return List.of(of("programSummary", IndexNames::progress, Map.of("programId", "prog-0")));
	}

	static DashboardQuery of(String name, Function<IndexNames, String> index, Map<String, String> variables) {
		return new DashboardQuery(name, index, variables, resource(name + ".graphql"), resource(name + ".json"));
	}

	/** The search body for {@code tenant}, every placeholder resolved. */
	String elasticsearchBody(Tenant tenant) {
		String body = this.elasticsearchBody.replace("${tenantId}", tenant.id());
		for (Map.Entry<String, String> variable : this.variables.entrySet()) {
			body = body.replace("${" + variable.getKey() + "}", variable.getValue());
		}
		if (body.contains("${")) {
			throw new IllegalStateException("dashboard/" + this.name + ".json has an unresolved placeholder: " + body);
		}
		return body;
	}

	/** The GraphQL-over-HTTP request body. */
	String graphQlRequest() {
		return JsonHttp.JSON.writeValueAsString(Map.of("query", this.document, "variables", this.variables));
	}

	private static String resource(String name) {
		try (InputStream in = DashboardQuery.class.getResourceAsStream("/dashboard/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource dashboard/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
