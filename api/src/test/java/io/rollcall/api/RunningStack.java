package io.rollcall.api;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.indexer.IndexerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api and the real indexer (or the api alone) started in this JVM against devstack's
 * Elasticsearch and Redis and the dev issuer, called over real HTTP with real tokens.
 */
final class RunningStack implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext indexer;

	private final ConfigurableApplicationContext api;

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RunningStack(ConfigurableApplicationContext indexer, ConfigurableApplicationContext api) {
		this.indexer = indexer;
		this.api = api;
		this.base = URI.create("http://127.0.0.1:" + api.getEnvironment().getRequiredProperty("local.server.port"));
	}

	static RunningStack start(DevStack stack, DevIssuer issuer) {
		return start(stack, issuer, Map.of());
	}

	/**
	 * Starts the api alone (no indexer: nothing but the api talks to Redis), with the
	 * functional test limits.
	 */
	static RunningStack apiOnly(DevStack stack, DevIssuer issuer) {
		return apiOnly(stack, issuer, Map.of());
	}

	/**
	 * Another api instance (a replica of the api of a running stack, say), with
	 * {@code extra} properties.
	 */
	static RunningStack apiOnly(DevStack stack, DevIssuer issuer, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(stack.springProperties());
		properties.putAll(FunctionalTestLimits.PROPERTIES);
		properties.putAll(extra);
		properties.put("server.port", "0");
		properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
		return new RunningStack(null, ApiApplication.builder().properties(properties).run());
	}

	/** Starts both applications with {@code extra} properties on top of devstack's. */
	static RunningStack start(DevStack stack, DevIssuer issuer, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(stack.springProperties());
		properties.putAll(FunctionalTestLimits.PROPERTIES);
		properties.putAll(extra);
		properties.put("server.port", "0");
		ConfigurableApplicationContext indexer = IndexerApplication.builder().properties(properties).run();
		try {
			properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
			return new RunningStack(indexer, ApiApplication.builder().properties(properties).run());
		}
		catch (RuntimeException e) {
			indexer.close();
			throw e;
		}
	}

	/** A bean of the api. */
	<T> T apiBean(Class<T> type) {
		return api.getBean(type);
	}

	/** {@code ws://127.0.0.1:<port>/graphql} */
	String webSocketUrl() {
		return "ws://127.0.0.1:" + base.getPort() + "/graphql";
	}

	/** The address of {@code path} on the api. */
	URI uri(String path) {
		return base.resolve(path);
	}

	HttpResponse<String> post(String path, String token, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(token, request);
	}

	HttpResponse<String> put(String path, String token, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		return send(token, request);
	}

	HttpResponse<String> delete(String path, String token) {
		return send(token, HttpRequest.newBuilder(base.resolve(path)).DELETE());
	}

	HttpResponse<String> get(String path, String token) {
		return send(token, HttpRequest.newBuilder(base.resolve(path)).GET());
	}

	/**
	 * Runs the operation in {@code graphql-test/<name>.graphql} and returns the response
	 * body.
	 */
	JsonNode graphQl(String token, String operation, Map<String, Object> variables) {
		HttpResponse<String> response = post("/graphql", token, "application/json",
				JSON.writeValueAsString(Map.of("query", operation(operation), "variables", variables)));
		return JSON.readTree(response.body());
	}

	static String operation(String name) {
		return TestDocuments.load(name);
	}

	/** Sends {@code request} with {@code token} as its bearer token (none when null). */
	HttpResponse<String> send(String token, HttpRequest.Builder request) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		try {
			api.close();
		}
		finally {
			if (indexer != null) {
				indexer.close();
			}
		}
	}

}
