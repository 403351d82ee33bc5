package io.rollcall.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A bare graphql-transport-ws client on the JDK's WebSocket, so tests see exactly what a
 * CRM would: every message the server sends and the close code.
 */
final class GraphQlSocket implements AutoCloseable {

	private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private GraphQlSocket(URI uri) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, new Listener())
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

	/**
	 * Opens a socket and sends {@code connection_init}, with {@code {"Authorization":
	 * "Bearer <token>"}} when {@code token} is not null.
	 */
	static GraphQlSocket connect(URI uri, String token) {
		GraphQlSocket socket = new GraphQlSocket(uri);
		Map<String, Object> init = (token == null) ? Map.of("type", "connection_init")
				: Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token));
		socket.send(init);
		return socket;
	}

	void subscribe(String id, String document) {
		send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", document)));
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(SecuredApi.JSON.writeValueAsString(message), true).orTimeout(10, TimeUnit.SECONDS).join();
	}

	boolean acknowledged() {
		return this.messages.stream().anyMatch(message -> "connection_ack".equals(message.path("type").asString()));
	}

	/** The payloads of {@code next} messages for subscription {@code id}. */
	List<JsonNode> next(String id) {
		return this.messages.stream()
			.filter(message -> "next".equals(message.path("type").asString())
					&& id.equals(message.path("id").asString()))
			.map(message -> message.path("payload"))
			.toList();
	}

	List<JsonNode> messages() {
		return List.copyOf(this.messages);
	}

	/** The close code once the server closed the socket, else null. */
	Integer closeCode() {
		return this.closed.getNow(null);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				GraphQlSocket.this.messages.add(SecuredApi.JSON.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			GraphQlSocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			GraphQlSocket.this.closed.complete(-1);
		}

	}

}
