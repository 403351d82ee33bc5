package io.rollcall.api.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.api.TestDocuments;
import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.schema.change.ChangeCursor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What tests of the change feed do as a client: subscribe, page, read what arrived. */
public final class ChangesClient {

	/** The {@code changes} subscription, every field selected. */
	public static final String SUBSCRIPTION = TestDocuments.load("changes");

	/** A page of the {@code changes} query. */
	public static final String PAGE = TestDocuments.load("changePage");

	/** Before every entry of a log. */
	public static final String BEGINNING = ChangeCursor.encode("0-0");

	private ChangesClient() {
	}

	/** A socket to {@code api}, acknowledged. */
	public static GraphQlSocket connect(SecuredApi api, String token) {
		GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(), token);
		await().atMost(Duration.ofSeconds(60)).until(() -> socket.acknowledged() || socket.closeCode() != null);
		assertThat(socket.acknowledged()).as("closed with " + socket.closeCode()).isTrue();
		return socket;
	}

	/** The changes subscription {@code id} received, in order. */
	public static List<JsonNode> changes(GraphQlSocket socket, String id) {
		return socket.next(id)
			.stream()
			.map(payload -> payload.path("data").path("changes"))
			.filter(JsonNode::isObject)
			.toList();
	}

	/** The stream ids behind the cursors of {@code changes}. */
	public static List<String> streamIds(List<JsonNode> changes) {
		return changes.stream().map(change -> ChangeCursor.decode(change.path("cursor").asString())).toList();
	}

	/**
	 * Whether subscription {@code id} ended with an error, as a stream error or as its
	 * only result.
	 */
	public static boolean failed(GraphQlSocket socket, String id) {
		return !socket.errors(id).isEmpty() || socket.next(id).stream().anyMatch(p -> p.has("errors"));
	}

	/** The one error subscription {@code id} ended with. */
	public static JsonNode error(GraphQlSocket socket, String id) {
		if (!socket.errors(id).isEmpty()) {
			return socket.errors(id).getFirst().path(0);
		}
		return socket.next(id).stream().filter(p -> p.has("errors")).findFirst().orElseThrow().path("errors").path(0);
	}

	/** A page of the {@code changes} query, asserted to have no errors. */
	public static JsonNode page(SecuredApi api, String token, Map<String, Object> variables) {
		JsonNode body = api.graphQlBody(token, PAGE, variables);
		assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
		return body.path("data").path("changes");
	}

}
