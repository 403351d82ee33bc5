package io.rollcall.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.ServerRequest;
import tools.jackson.databind.json.JsonMapper;

/** The URL-encoded GET form of a GraphQL request. */
class GetRequestsTests {

	private final GetRequests gets = new GetRequests(JsonMapper.builder().build());

	@Test
	void parametersBecomeTheRequestWithVariablesAndExtensionsAsObjects() {
		Map<String, Object> body = gets.body(get("query", "query Q($id: ID!) { contact(id: $id) { name } }",
				"operationName", "Q", "variables", "{\"id\":\"rep-1\"}", "extensions", "{\"some\":\"value\"}"));

		assertThat(body).containsEntry("query", "query Q($id: ID!) { contact(id: $id) { name } }")
			.containsEntry("operationName", "Q")
			.containsEntry("variables", Map.of("id", "rep-1"))
			.containsEntry("extensions", Map.of("some", "value"));
	}

	@Test
	void aPersistedQueryMayLeaveOutTheDocument() {
		Map<String, Object> body = gets
			.body(get("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}"));

		assertThat(body).containsEntry("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
	}

	@Test
	void aMissingOrRepeatedQueryOrVariablesThatAreNotAnObjectAreRefused() {
		assertThatExceptionOfType(ServerWebInputException.class).isThrownBy(() -> gets.body(get()));
		assertThatExceptionOfType(ServerWebInputException.class)
			.isThrownBy(() -> gets.body(get("query", "{ __typename }", "query", "{ __typename }")));
		for (String variables : List.of("[1]", "\"text\"", "0", "{not json")) {
			assertThatExceptionOfType(ServerWebInputException.class).as(variables)
				.isThrownBy(() -> gets.body(get("query", "{ __typename }", "variables", variables)));
		}
	}

	@Test
	void aRequestMadeFromAGetIsMarked() {
		assertThat(GetRequests.attributes(get("query", "{ __typename }"))).containsValue(Boolean.TRUE);
	}

	private static ServerRequest get(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/graphql");
		for (int i = 0; i < parameters.length; i += 2) {
			request.addParameter(parameters[i], parameters[i + 1]);
		}
		return ServerRequest.create(request, List.of());
	}

}
