package io.rollcall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A bare graphql-transport-ws client on the JDK's WebSocket, as a CRM would hold one: it
 * hands each {@code next} message's text, with the time it arrived, to its listener, on
 * the socket's thread (keep the listener short: it is the client's reading speed).
 */
final class FeedSocket implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final WebSocket socket;

	private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

	/**
	 * @param onNext called with each {@code next} message's text and {@code nanoTime} at
	 * its arrival
	 */
	FeedSocket(URI uri, String token, BiConsumer<String, Long> onNext) {
		this.socket = HTTP.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, new Listener(onNext))
			.orTimeout(30, TimeUnit.SECONDS)
			.join();
		send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
		this.acknowledged.orTimeout(60, TimeUnit.SECONDS).join();
	}

	void subscribe(String id, String document, Map<String, Object> variables) {
		send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", document, "variables", variables)));
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(JsonHttp.JSON.writeValueAsString(message), true).orTimeout(30, TimeUnit.SECONDS).join();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final BiConsumer<String, Long> onNext;

		private final StringBuilder partial = new StringBuilder();

		Listener(BiConsumer<String, Long> onNext) {
			this.onNext = onNext;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				long arrived = System.nanoTime();
				String text = this.partial.toString();
				this.partial.setLength(0);
				// The server writes "type" right after "id": no parse for the routing.
				if (text.contains("\"type\":\"next\"")) {
					this.onNext.accept(text, arrived);
				}
				else if (text.contains("\"type\":\"connection_ack\"")) {
					FeedSocket.this.acknowledged.complete(null);
				}
				else if (text.contains("\"type\":\"error\"")) {
					System.err.println("subscription error: " + text);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			FeedSocket.this.acknowledged
				.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
			return null;
		}

	}

}
