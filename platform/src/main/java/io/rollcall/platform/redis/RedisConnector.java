package io.rollcall.platform.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * A Lettuce client of Rollcall's Redis, one server or a Redis Cluster, made by
 * {@link RedisClients}: it opens the connections of one feature, and its owner shuts it
 * down.
 */
public sealed interface RedisConnector permits RedisConnector.Standalone, RedisConnector.Cluster {

	/** A new connection with string keys and values. */
	default RedisConnection<String, String> connect() {
		return connect(StringCodec.UTF8);
	}

	/** A new connection encoding keys and values with {@code codec}. */
	<K, V> RedisConnection<K, V> connect(RedisCodec<K, V> codec);

	/**
	 * A new publish/subscribe connection. On a cluster, it subscribes on one node: Redis
	 * Cluster delivers every {@code PUBLISH} to every node, and Lettuce moves the
	 * subscriptions to another node when that one is lost.
	 */
	StatefulRedisPubSubConnection<String, String> connectPubSub();

	/** Closes the client and the connections it opened. */
	void shutdown();

	/** A client of one Redis server. */
	record Standalone(RedisClient client) implements RedisConnector {

		@Override
		public <K, V> RedisConnection<K, V> connect(RedisCodec<K, V> codec) {
			return new RedisConnection.Standalone<>(this.client.connect(codec));
		}

		@Override
		public StatefulRedisPubSubConnection<String, String> connectPubSub() {
			return this.client.connectPubSub();
		}

		@Override
		public void shutdown() {
			this.client.shutdown();
		}

	}

	/** A client of a Redis Cluster. */
	record Cluster(RedisClusterClient client) implements RedisConnector {

		@Override
		public <K, V> RedisConnection<K, V> connect(RedisCodec<K, V> codec) {
			return new RedisConnection.Cluster<>(this.client.connect(codec));
		}

		@Override
		public StatefulRedisPubSubConnection<String, String> connectPubSub() {
			return this.client.connectPubSub();
		}

		@Override
		public void shutdown() {
			this.client.shutdown();
		}

	}

}
