package io.rollcall.platform.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;

/**
 * A connection to Rollcall's Redis, whether it is one server or a Redis Cluster. Features
 * use the commands both have ({@link #sync()}, {@link #async()}: Lettuce's
 * {@code RedisClusterCommands}, which a cluster connection routes by each command's key);
 * the few that need Lettuce's own connection type (Bucket4j's proxy manager) switch on
 * the two kinds. Transactions ({@code MULTI}) are not among the shared commands: Rollcall
 * uses Lua scripts over keys of one hash slot instead, which a cluster runs atomically
 * too.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public sealed interface RedisConnection<K, V> extends AutoCloseable
		permits RedisConnection.Standalone, RedisConnection.Cluster {

	/** Lettuce's connection. */
	StatefulConnection<K, V> lettuce();

	/** The blocking commands, routed by key on a cluster. */
	RedisClusterCommands<K, V> sync();

	/** The asynchronous commands (for pipelining), routed by key on a cluster. */
	RedisClusterAsyncCommands<K, V> async();

	/**
	 * The commands of the one server that holds {@code key}: the server itself, or the
	 * cluster master serving the key's slot now. For commands about the server rather
	 * than a key, such as {@code WAIT} after a write to {@code key}.
	 * @throws RedisException when no master serves the key's slot
	 */
	RedisCommands<K, V> serverOf(String key);

	/** Whether the connection is open (Lettuce may be reconnecting it). */
	default boolean isOpen() {
		return lettuce().isOpen();
	}

	/** Bounds every command of this connection by {@code timeout}. */
	default void setTimeout(Duration timeout) {
		lettuce().setTimeout(timeout);
	}

	@Override
	default void close() {
		lettuce().close();
	}

	/** A connection to one Redis server. */
	record Standalone<K, V>(StatefulRedisConnection<K, V> lettuce) implements RedisConnection<K, V> {

		@Override
		public RedisCommands<K, V> sync() {
			return this.lettuce.sync();
		}

		@Override
		public RedisClusterAsyncCommands<K, V> async() {
			return this.lettuce.async();
		}

		@Override
		public RedisCommands<K, V> serverOf(String key) {
			return this.lettuce.sync();
		}

	}

	/** A connection to a Redis Cluster, routing each command to the master of its key. */
	record Cluster<K, V>(StatefulRedisClusterConnection<K, V> lettuce) implements RedisConnection<K, V> {

		@Override
		public RedisClusterCommands<K, V> sync() {
			return this.lettuce.sync();
		}

		@Override
		public RedisClusterAsyncCommands<K, V> async() {
			return this.lettuce.async();
		}

		@Override
		public RedisCommands<K, V> serverOf(String key) {
			int slot = SlotHash.getSlot(key);
			RedisClusterNode master = this.lettuce.getPartitions().getMasterBySlot(slot);
			if (master == null) {
				throw new RedisException("no Redis Cluster master serves slot " + slot + " (key " + key + ")");
			}
			return this.lettuce.getConnection(master.getNodeId()).sync();
		}

	}

}
