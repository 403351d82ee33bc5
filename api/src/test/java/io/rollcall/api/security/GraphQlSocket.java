package io.rollcall.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A bare graphql-transport-ws client on the JDK's WebSocket, so tests see exactly what a
 * CRM would: every message the server sends and the close code. It can stop reading (the
 * server's sends then back up as for a slow consumer) and read again.
 */
public final class GraphQlSocket implements AutoCloseable {

	/** In arrival order; appended in constant time, even after tens of thousands. */
	private final Queue<JsonNode> messages = new ConcurrentLinkedQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private volatile boolean paused;

	private volatile boolean pendingRequest;

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
	public static GraphQlSocket connect(URI uri, String token) {
		GraphQlSocket socket = new GraphQlSocket(uri);
		Map<String, Object> init = (token == null) ? Map.of("type", "connection_init")
				: Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token));
		socket.send(init);
		return socket;
	}

	public void subscribe(String id, String document) {
		subscribe(id, document, Map.of());
	}

	public void subscribe(String id, String document, Map<String, Object> variables) {
		send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", document, "variables", variables)));
	}

	/** Tells the server the client is done with subscription {@code id}. */
	public void complete(String id) {
		send(Map.of("type", "complete", "id", id));
	}

	/**
	 * Stops reading: what the server sends waits in the network buffers, then in its own.
	 */
	public void pauseReading() {
		this.paused = true;
	}

	public synchronized void resumeReading() {
		this.paused = false;
		if (this.pendingRequest) {
			this.pendingRequest = false;
			this.socket.request(1);
		}
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(SecuredApi.JSON.writeValueAsString(message), true).orTimeout(10, TimeUnit.SECONDS).join();
	}

	public boolean acknowledged() {
		return this.messages.stream().anyMatch(message -> "connection_ack".equals(message.path("type").asString()));
	}

	/** The payloads of {@code next} messages for subscription {@code id}. */
	public List<JsonNode> next(String id) {
		return payloads("next", id);
	}

	/**
	 * The payloads (a list of GraphQL errors) of {@code error} messages for {@code id}.
	 */
	public List<JsonNode> errors(String id) {
		return payloads("error", id);
	}

	/** Whether the server completed subscription {@code id}. */
	public boolean completed(String id) {
		return !payloads("complete", id).isEmpty();
	}

	/**
	 * Whether subscription {@code id} is over: completed, ended by an error, or its
	 * socket closed.
	 */
	public boolean ended(String id) {
		return completed(id) || !errors(id).isEmpty() || closeCode() != null;
	}

	private List<JsonNode> payloads(String type, String id) {
		return this.messages.stream()
			.filter(message -> type.equals(message.path("type").asString()) && id.equals(message.path("id").asString()))
			.map(message -> message.path("payload"))
			.toList();
	}

	public List<JsonNode> messages() {
		return List.copyOf(this.messages);
	}

	/** The close code once the server closed the socket, else null. */
	public Integer closeCode() {
		return this.closed.getNow(null);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	private synchronized void requestNext(WebSocket webSocket) {
		if (this.paused) {
			this.pendingRequest = true;
		}
		else {
			webSocket.request(1);
		}
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
			requestNext(webSocket);
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
