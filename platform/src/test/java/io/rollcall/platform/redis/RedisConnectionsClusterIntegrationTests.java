package io.rollcall.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisClients} against devstack's Redis Cluster ({@code -Pcluster}): what the
 * features rely on when Redis is a cluster.
 */
@DevStackTest
class RedisConnectionsClusterIntegrationTests {

	private RedisClients clients;

	private RedisConnector connector;

	private RedisConnection<String, String> connection;

	private IngestKeys keys;

	@BeforeEach
	void connect(DevStack stack) {
		this.clients = RedisClients.forUrl(stack.redisUrl());
		this.connector = this.clients.create();
		this.connection = this.connector.connect();
		this.keys = new IngestKeys(stack.redisKeyPrefix());
	}

	@AfterEach
	void close() {
		this.connection.close();
		this.connector.shutdown();
		this.clients.destroy();
	}

	@Test
	void severalNodesInTheUrlMakeAClusterClient() {
		assertThat(this.connector).isInstanceOf(RedisConnector.Cluster.class);
		assertThat(this.connection.sync().ping()).isEqualTo("PONG");
	}

	@Test
	void aScriptRunsOverOneTenantsKeysAndIsRefusedOverTwoTenants() {
		String script = "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])";
		Long generation = this.connection.sync()
			.eval(script, ScriptOutputType.INTEGER,
					new String[] { this.keys.changeLogFloor("acme"), this.keys.generation("acme") }, "0-1");
		assertThat(generation).isEqualTo(1);
		assertThatThrownBy(() -> this.connection.sync()
			.eval(script, ScriptOutputType.INTEGER,
					new String[] { this.keys.changeLogFloor("acme"), this.keys.generation("globex") }, "0-1"))
			.isInstanceOf(RedisCommandExecutionException.class)
			.hasMessageContaining("CROSSSLOT");
	}

	@Test
	void theServerOfAKeyIsItsSlotsMasterWhoseReplicaConfirmsTheWrite(DevStack stack) {
		String stream = this.keys.liveStream();
		RedisServer master = stack.redisCluster().masterOf(stream);

		RedisCommands<String, String> server = this.connection.serverOf(stream);
		server.xadd(stream, Map.of("kind", "EVENTS"));

		assertThat(server.waitForReplication(1, 1_000)).isEqualTo(1);
		assertThat(server.info("server")).contains("tcp_port:" + master.port());
	}

	@Test
	void aSubscriberHearsWhatIsPublishedAnywhereAndKeepsHearingAfterItsNodeIsLost(DevStack stack) {
		String channel = this.keys.changesChannel();
		List<String> heard = new CopyOnWriteArrayList<>();
		StatefulRedisPubSubConnection<String, String> subscription = this.connector.connectPubSub();
		try {
			subscription.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					heard.add(message);
				}
			});
			subscription.sync().subscribe(channel);
			RedisServer subscribedOn = nodeSubscribedTo(stack, channel);
			for (RedisServer node : stack.redisCluster().nodes()) {
				publish(node, channel, "from " + node.port());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == stack.redisCluster().nodes().size());

			subscribedOn.kill();
			try {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(500))
					.ignoreExceptions()
					.until(() -> {
						this.connection.sync().publish(channel, "after the loss");
						return heard.contains("after the loss");
					});
			}
			finally {
				subscribedOn.start();
				stack.redisCluster().awaitHealthy();
			}
		}
		finally {
			subscription.close();
		}
	}

	/** The node holding the subscription: pub/sub state is per node. */
	private static RedisServer nodeSubscribedTo(DevStack stack, String channel) {
		return stack.redisCluster()
			.nodes()
			.stream()
			.filter(node -> numberOfSubscribers(node, channel) > 0)
			.findFirst()
			.orElseThrow();
	}

	private static long numberOfSubscribers(RedisServer node, String channel) {
		RedisClient client = RedisClient.create(node.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
		}
		finally {
			client.shutdown();
		}
	}

	private static void publish(RedisServer node, String channel, String message) {
		RedisClient client = RedisClient.create(node.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().publish(channel, message);
		}
		finally {
			client.shutdown();
		}
	}

}
