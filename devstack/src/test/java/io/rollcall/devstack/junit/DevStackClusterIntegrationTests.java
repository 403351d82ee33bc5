package io.rollcall.devstack.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rollcall.devstack.elasticsearch.ElasticsearchCluster;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.redis.RedisCluster;
import io.rollcall.devstack.redis.RedisCommand;
import io.rollcall.devstack.redis.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster topology ({@code -Pcluster}): three Elasticsearch nodes in one cluster, a
 * Redis Cluster of three masters with a replica each, and what fault tests do to them.
 */
@DevStackTest
class DevStackClusterIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void threeElasticsearchNodesFormOneGreenClusterThatTheApplicationsReachThroughEveryNode(DevStack stack)
			throws Exception {
		ElasticsearchCluster cluster = stack.elasticsearchCluster();
		assertThat(cluster.nodes()).extracting(ElasticsearchNode::name).containsExactly("node-0", "node-1", "node-2");
		assertThat(send(stack.elasticsearchUrl(), "GET", "/_cluster/health", null).body())
			.contains("\"status\":\"green\"", "\"number_of_nodes\":3");
		assertThat(stack.springProperties()).containsEntry("rollcall.elasticsearch.url", cluster.urls())
			.containsEntry("rollcall.index.shards", "3")
			.containsEntry("rollcall.index.replicas", "1");
		assertThat(cluster.urls().split(",")).hasSize(3).allMatch(url -> url.startsWith("http://127.0.0.1:"));
	}

	@Test
	void aKilledElasticsearchNodeLeavesAYellowClusterThatStillAnswersAndRejoinsWithItsData(DevStack stack)
			throws Exception {
		String index = stack.indexPrefix() + "-kill";
		send(stack.elasticsearchUrl(), "PUT", "/" + index,
				"{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":1}}");
		for (int i = 0; i < 30; i++) {
			send(stack.elasticsearchUrl(), "PUT", "/" + index + "/_doc/" + i, "{\"n\":" + i + "}");
		}
		send(stack.elasticsearchUrl(), "POST", "/" + index + "/_refresh", null);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> send(stack.elasticsearchUrl(), "GET", "/_cluster/health/" + index, null).body()
				.contains("\"status\":\"green\""));
		ElasticsearchNode victim = stack.elasticsearchCluster().node("node-1");

		victim.kill();
		try {
			assertThat(victim.isRunning()).isFalse();
			String survivor = stack.elasticsearchUrl();
			assertThat(survivor).isNotEqualTo(victim.url());
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> send(survivor, "GET", "/_cluster/health", null).body().contains("\"number_of_nodes\":2"));
			// Every shard still has a copy: every document is found.
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> send(survivor, "GET", "/" + index + "/_count", null).body().contains("\"count\":30"));
		}
		finally {
			victim.start();
		}
		stack.elasticsearchCluster().awaitGreen();
		assertThat(send(victim.url(), "GET", "/" + index + "/_count", null).body()).contains("\"count\":30");
	}

	@Test
	void threeRedisMastersServeEverySlotEachWithAReplica(DevStack stack) {
		RedisCluster cluster = stack.redisCluster();
		assertThat(cluster.nodes()).hasSize(6);
		assertThat(cluster.nodes().stream().filter(cluster::isMaster)).hasSize(3);
		String info = RedisCommand.text(cluster.nodes().getFirst().url(), "CLUSTER", "INFO");
		assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:6");
		assertThat(stack.redisUrl()).startsWith("redis://127.0.0.1:").contains(",");
		// Tenants' keys spread over the masters.
		assertThat(List.of("{acme}", "{globex}", "{initech}", "{umbrella}", "{hooli}", "{wonka}")
			.stream()
			.map(cluster::masterOf)
			.distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void resetEmptiesEveryMaster(DevStack stack) {
		RedisCluster cluster = stack.redisCluster();
		for (String tag : List.of("{acme}", "{globex}", "{initech}", "{umbrella}")) {
			RedisCommand.expect(cluster.masterOf(tag).url(), "+OK", "SET", stack.redisKeyPrefix() + tag, "v");
		}

		stack.reset();

		assertThat(cluster.nodes().stream().filter(cluster::isMaster))
			.allSatisfy(master -> assertThat(RedisCommand.text(master.url(), "DBSIZE")).isEqualTo("0"));
	}

	@Test
	void aKilledMastersReplicaIsPromotedWithWhatItAcknowledgedAndTheOldMasterRejoinsAsAReplica(DevStack stack) {
		RedisCluster cluster = stack.redisCluster();
		String key = stack.redisKeyPrefix() + "{acme}:kept";
		RedisServer master = cluster.masterOf(key);
		RedisCommand.expect(master.url(), "+OK", "SET", key, "acknowledged");
		// WAIT: the write is on the replica before the master is lost.
		assertThat(RedisCommand.text(master.url(), "WAIT", "1", "1000")).isEqualTo("1");

		master.kill();
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
				RedisServer promoted = cluster.masterOf(key);
				return promoted != master && RedisCommand.text(promoted.url(), "GET", key).equals("acknowledged");
			});
		}
		finally {
			master.start();
		}
		cluster.awaitHealthy();
		assertThat(cluster.isMaster(master)).isFalse();
		assertThat(cluster.masterOf(key)).isNotSameAs(master);
		assertThat(cluster.nodes().stream().filter(cluster::isMaster)).hasSize(3);
	}

	private static HttpResponse<String> send(String url, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return http.send(HttpRequest.newBuilder(URI.create(url + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method, body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
