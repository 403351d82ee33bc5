package io.rollcall.api.http;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.ServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL requests sent with GET: {@code query} and {@code operationName} as they are,
 * {@code variables} and {@code extensions} as JSON objects, all URL-encoded in the query
 * string (GraphQL over HTTP, "GET"). A parameter given twice, or JSON that is not an
 * object, is refused like an unreadable POST body (HTTP 400). A request with
 * {@code extensions.persistedQuery} may leave out {@code query}, as Spring for GraphQL
 * allows for POST.
 *
 * @see <a href= "https://graphql.github.io/graphql-over-http/draft/#sec-GET">GraphQL over
 * HTTP, GET</a>
 */
final class GetRequests {

	/** The request attribute that marks a GraphQL request that came with GET. */
	private static final String GET = GetRequests.class.getName() + ".GET";

	private final JsonMapper json;

	GetRequests(JsonMapper json) {
		this.json = json;
	}

	/** Whether {@code request} came with GET. */
	static boolean isGet(WebGraphQlRequest request) {
		return Boolean.TRUE.equals(request.getAttributes().get(GET));
	}

	/** The request attributes of a GraphQL request made from a GET. */
	static Map<String, Object> attributes(ServerRequest request) {
		Map<String, Object> attributes = new LinkedHashMap<>(request.attributes());
		attributes.put(GET, Boolean.TRUE);
		return attributes;
	}

	/**
	 * The GraphQL request in {@code request}'s parameters, as a POST body would hold it.
	 * @throws ServerWebInputException when a parameter is repeated or not what it must be
	 */
	Map<String, Object> body(ServerRequest request) {
		MultiValueMap<String, String> parameters = request.params();
		Map<String, Object> body = new LinkedHashMap<>();
		String query = single(parameters, "query");
		String operationName = single(parameters, "operationName");
		Map<String, Object> variables = object(parameters, "variables");
		Map<String, Object> extensions = object(parameters, "extensions");
		if (query == null && extensions != null && extensions.get("persistedQuery") != null) {
			query = PersistedQuerySupport.PERSISTED_QUERY_MARKER;
		}
		if (query == null || query.isBlank()) {
			throw new ServerWebInputException("No 'query'");
		}
		body.put("query", query);
		body.put("operationName", operationName);
		body.put("variables", variables);
		body.put("extensions", extensions);
		return body;
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new ServerWebInputException("'" + name + "' is given more than once");
		}
		return values.getFirst();
	}

	private Map<String, Object> object(MultiValueMap<String, String> parameters, String name) {
		String text = single(parameters, name);
		if (text == null || text.isBlank()) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException e) {
			throw new ServerWebInputException("'" + name + "' is not JSON");
		}
		if (node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw new ServerWebInputException("'" + name + "' is not a JSON object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = json.treeToValue(node, Map.class);
		return map;
	}

}
