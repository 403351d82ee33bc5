package io.rollcall.devstack.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rollcall.devstack.redis.RedisCommand;

import static org.assertj.core.api.Assertions.assertThat;

@DevStackTest
class DevStackIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void runsAYellowClusterThatIndexesAndSearches(DevStack stack) throws Exception {
		assertThat(stack.elasticsearchUrl()).startsWith("http://127.0.0.1:");
		assertThat(send(stack, "GET", "/_cluster/health", null).body())
			.containsPattern("\"status\":\"(green|yellow)\"");
		String index = stack.indexPrefix() + "-events";

		assertThat(send(stack, "PUT", "/" + index + "/_doc/1?refresh=wait_for", "{\"type\":\"LESSON_STARTED\"}")
			.statusCode()).isEqualTo(201);

		assertThat(send(stack, "GET", "/" + index + "/_search?q=type:LESSON_STARTED", null).body())
			.contains("\"total\":{\"value\":1");
	}

	@Test
	void resetDeletesRollcallIndicesButKeepsTemplatesAndOtherIndices(DevStack stack) throws Exception {
		send(stack, "PUT", "/_index_template/rollcall-test-template",
				"{\"index_patterns\":[\"rollcall-template-check-*\"],\"template\":{\"settings\":{\"number_of_shards\":1}}}");
		send(stack, "PUT", "/" + stack.indexPrefix() + "-contacts", null);
		send(stack, "PUT", "/unrelated-" + stack.runId(), null);
		RedisCommand.expect(stack.redisUrl(), "+OK", "SET", stack.redisKeyPrefix() + "k", "v");

		stack.reset();

		assertThat(send(stack, "HEAD", "/" + stack.indexPrefix() + "-contacts", null).statusCode()).isEqualTo(404);
		assertThat(send(stack, "HEAD", "/unrelated-" + stack.runId(), null).statusCode()).isEqualTo(200);
		assertThat(send(stack, "GET", "/_index_template/rollcall-test-template", null).statusCode()).isEqualTo(200);
		assertThat(RedisCommand.send(stack.redisUrl(), "DBSIZE")).isEqualTo(":0");
		send(stack, "DELETE", "/unrelated-" + stack.runId(), null);
		send(stack, "DELETE", "/_index_template/rollcall-test-template", null);
	}

	@Test
	void elasticsearchComesBackOnTheSamePortWithItsData(DevStack stack) throws Exception {
		String url = stack.elasticsearchUrl();
		String index = stack.indexPrefix() + "-restart";
		send(stack, "PUT", "/" + index + "/_doc/1?refresh=wait_for", "{\"kept\":true}");

		stack.stopElasticsearch();
		assertThat(reachable(url)).isFalse();
		stack.startElasticsearch();

		assertThat(stack.elasticsearchUrl()).isEqualTo(url);
		assertThat(send(stack, "GET", "/" + index + "/_doc/1", null).body()).contains("\"kept\":true");
	}

	@Test
	void redisComesBackOnTheSamePort(DevStack stack) throws Exception {
		String url = stack.redisUrl();

		stack.stopRedis();
		stack.startRedis();

		assertThat(stack.redisUrl()).isEqualTo(url);
		assertThat(RedisCommand.send(url, "PING")).isEqualTo("+PONG");
	}

	@Test
	void publishesSpringPropertiesWithThisRunsNames(DevStack stack) {
		assertThat(stack.runId()).matches("[a-z]{8}");
		assertThat(stack.springProperties()).containsEntry("rollcall.elasticsearch.url", stack.elasticsearchUrl())
			.containsEntry("rollcall.redis.url", stack.redisUrl())
			.containsEntry("rollcall.elasticsearch.index-prefix", "rollcall-" + stack.runId())
			.containsEntry("rollcall.redis.key-prefix", "rollcall:" + stack.runId() + ":");
		assertThat(DevStack.global()).isSameAs(stack);
	}

	private static HttpResponse<String> send(DevStack stack, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return http.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method, body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static boolean reachable(String url) throws InterruptedException {
		try {
			http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
					HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
