package io.rollcall.api.security;

import io.rollcall.api.ApiApplication;
import io.rollcall.api.FunctionalTestLimits;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.indexer.IndexerApplication;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.IngestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api (and, when asked, the real indexer) in this JVM against devstack and the dev
 * issuer, called over real HTTP; plus a look at the ingest stream, to prove that a
 * refused request executed nothing.
 */
public final class SecuredApi implements AutoCloseable {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String APPLICATION_JSON = "application/json";

	private final ConfigurableApplicationContext indexer;

	private final ConfigurableApplicationContext api;

	private final URI base;

	private final RedisClients redisClients;

	private final RedisConnector redis;

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SecuredApi(DevStack stack, ConfigurableApplicationContext indexer, ConfigurableApplicationContext api) {
		this.indexer = indexer;
		this.api = api;
		this.base = URI.create("http://127.0.0.1:" + api.getEnvironment().getRequiredProperty("local.server.port"));
		this.redisClients = RedisClients.forUrl(stack.redisUrl());
		this.redis = this.redisClients.create();
		this.connection = this.redis.connect();
		this.keys = new IngestKeys(stack.redisKeyPrefix());
	}

	/** The api alone: enough for everything that must be refused before the indexer. */
	public static SecuredApi start(DevStack stack, DevIssuer issuer, Map<String, String> extra) {
		return start(stack, issuer, false, extra);
	}

	public static SecuredApi start(DevStack stack, DevIssuer issuer, boolean withIndexer, Map<String, String> extra) {
		Map<String, Object> properties = new HashMap<>(stack.springProperties());
		properties.putAll(FunctionalTestLimits.PROPERTIES);
		properties.put("server.port", "0");
		ConfigurableApplicationContext indexer = withIndexer ? IndexerApplication.builder().properties(properties).run()
				: null;
		try {
			properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
			properties.putAll(extra);
			return new SecuredApi(stack, indexer, ApiApplication.builder().properties(properties).run());
		}
		catch (RuntimeException ex) {
			if (indexer != null) {
				indexer.close();
			}
			throw ex;
		}
	}

	public ConfigurableApplicationContext context() {
		return this.api;
	}

	public URI uri(String path) {
		return this.base.resolve(path);
	}

	public URI webSocketUri() {
		return URI.create("ws://127.0.0.1:" + this.base.getPort() + "/graphql");
	}

	/**
	 * Entries in the live ingest stream: what writes reached Redis (the indexer trims
	 * what it acknowledged, so this counts writes only while no indexer runs).
	 */
	long streamLength() {
		return this.connection.sync().xlen(this.keys.liveStream());
	}

	/**
	 * The id of the last entry ever appended to the live ingest stream: unchanged exactly
	 * when nothing was written, whatever the indexer has trimmed meanwhile.
	 */
	String lastWriteId() {
		List<Object> info = this.connection.sync().xinfoStream(this.keys.liveStream());
		return String.valueOf(info.get(info.indexOf("last-generated-id") + 1));
	}

	public HttpResponse<String> post(String path, String token, String contentType, String body) {
		return send(token,
				HttpRequest.newBuilder(uri(path))
					.header("Content-Type", contentType)
					.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> put(String path, String token, String contentType, String body) {
		return send(token,
				HttpRequest.newBuilder(uri(path))
					.header("Content-Type", contentType)
					.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> delete(String path, String token) {
		return send(token, HttpRequest.newBuilder(uri(path)).DELETE());
	}

	public HttpResponse<String> get(String path, String token) {
		return send(token, HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Posts a GraphQL document (no variables) and returns the whole response. */
	public HttpResponse<String> graphQl(String token, String document) {
		return post("/graphql", token, APPLICATION_JSON, JSON.writeValueAsString(Map.of("query", document)));
	}

	public JsonNode graphQlBody(String token, String document) {
		return JSON.readTree(graphQl(token, document).body());
	}

	/** Posts a GraphQL document with {@code variables} and returns the response body. */
	public JsonNode graphQlBody(String token, String document, Map<String, Object> variables) {
		return JSON.readTree(post("/graphql", token, APPLICATION_JSON,
				JSON.writeValueAsString(Map.of("query", document, "variables", variables)))
			.body());
	}

	public HttpResponse<String> send(String token, HttpRequest.Builder request) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String code(JsonNode graphQlResponse) {
		return graphQlResponse.path("errors").path(0).path("extensions").path("code").asString();
	}

	@Override
	public void close() {
		this.connection.close();
		this.redis.shutdown();
		this.redisClients.destroy();
		try {
			this.api.close();
		}
		finally {
			if (this.indexer != null) {
				this.indexer.close();
			}
		}
	}

}
