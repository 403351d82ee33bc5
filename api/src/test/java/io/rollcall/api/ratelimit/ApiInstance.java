package io.rollcall.api.ratelimit;

import io.rollcall.api.ApiApplication;
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
 * One api instance on a free port, called over real HTTP: several of them sharing Redis
 * are several api replicas.
 */
final class ApiInstance implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ApiInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	static ApiInstance start(Map<String, String> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("server.port", "0");
		return new ApiInstance(ApiApplication.builder().properties(all).run());
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** POSTs {@code {"query": document}} to /graphql. */
	HttpResponse<String> graphQl(String token, String document) {
		return post("/graphql", token, JSON.writeValueAsString(Map.of("query", document)));
	}

	HttpResponse<String> post(String path, String token, String body) {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	@Override
	public void close() {
		context.close();
	}

}
