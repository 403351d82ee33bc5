package io.rollcall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the benchmark, for the gateway and for Elasticsearch alike, so
 * that a gateway/direct ratio compares the servers, not two client stacks. Loopback only.
 */
final class JsonHttp {

	/** Jackson's defaults (ISO-8601 dates): the wire form of the event contract. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long a request waits for its answer unless it says otherwise. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	HttpResponse<String> post(URI uri, String token, String contentType, String body) {
		return send(request(uri, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A POST that gives up after {@code timeout}.
	 * @throws UncheckedIOException with a {@link java.net.http.HttpTimeoutException}
	 * cause when no answer came within {@code timeout}
	 */
	HttpResponse<String> post(URI uri, String token, String contentType, String body, Duration timeout) {
		return send(request(uri, token).timeout(timeout)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> put(URI uri, String body) {
		return send(request(uri, null).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> delete(URI uri, String token) {
		return send(request(uri, token).DELETE());
	}

	HttpResponse<String> get(URI uri) {
		return get(uri, null);
	}

	HttpResponse<String> get(URI uri, String token) {
		return send(request(uri, token).GET());
	}

	/** Throws unless the response is 2xx, with the body in the message. */
	static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " returned "
					+ response.statusCode() + ": " + abbreviate(response.body()));
		}
		return response;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(ok(response).body());
	}

	private static String abbreviate(String body) {
		return body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
	}

	private static HttpRequest.Builder request(URI uri, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
