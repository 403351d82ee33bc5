package io.rollcall.api.deployment;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.api.FunctionalTestLimits;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.schema.stream.IngestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the deployment tests do from outside the jars: HTTP calls with tokens, counts
 * straight from Elasticsearch, and a look at the Redis stream, all within the prefixes of
 * one test ({@code <devstack prefix>-<run>}).
 */
final class Clients {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final DevStack stack;

	private final String indexPrefix;

	private final IngestKeys keys;

	Clients(DevStack stack, String run) {
		this.stack = stack;
		this.indexPrefix = stack.indexPrefix() + "-" + run;
		this.keys = new IngestKeys(stack.redisKeyPrefix() + run + ":");
	}

	/** Where both jars find Elasticsearch and Redis, with this test's prefixes. */
	Map<String, String> stores() {
		return Map.of("rollcall.elasticsearch.url", this.stack.elasticsearchUrl(),
				"rollcall.elasticsearch.index-prefix", this.indexPrefix, "rollcall.redis.url", this.stack.redisUrl(),
				"rollcall.redis.key-prefix", this.keys.prefix());
	}

	/**
	 * What the api jar needs besides the stores: the dev issuer, and a plan too large to
	 * matter.
	 */
	Map<String, String> api(DevIssuer issuer) {
		Map<String, String> properties = new HashMap<>(stores());
		properties.putAll(FunctionalTestLimits.PROPERTIES);
		properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
		return properties;
	}

	IngestKeys keys() {
		return this.keys;
	}

	static HttpResponse<String> post(URI uri, String token, String body) {
		return send(HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	/** A GraphQL query's response body. */
	static JsonNode graphQl(JarProcess api, String token, String query) {
		return JSON.readTree(post(api.uri("/graphql"), token, JSON.writeValueAsString(Map.of("query", query))).body());
	}

	/** {@code count} SMS_SENT events of {@code program}, ids {@code <idPrefix>-<n>}. */
	static String events(String program, String idPrefix, int count) {
		return IntStream.range(0, count)
			.mapToObj(
					n -> """
							{"eventId":"%s-%d","contactId":"rep-%d","programId":"%s","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}"""
						.formatted(idPrefix, n, n % 50, program))
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** Searchable events of {@code program}, counted by Elasticsearch itself. */
	long searchable(String program) {
		String query = URLEncoder.encode("program_id:" + program, StandardCharsets.UTF_8);
		HttpResponse<String> response = get(
				URI.create(this.stack.elasticsearchUrl() + "/" + this.indexPrefix + "-events/_count?q=" + query));
		return response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : 0;
	}

	/** Runs {@code command} on a Redis connection of its own. */
	<T> T redis(Function<StatefulRedisConnection<String, String>, T> command) {
		RedisClient client = RedisClient.create(this.stack.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection);
		}
		finally {
			client.shutdown();
		}
	}

	/** Entries of the live stream read by the indexer and not acknowledged. */
	long pending() {
		return redis(
				connection -> connection.sync().xpending(this.keys.liveStream(), this.keys.consumerGroup()).getCount());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
