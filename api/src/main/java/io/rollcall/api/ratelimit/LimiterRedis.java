package io.rollcall.api.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;

/**
 * The limiter's own Redis connection and Bucket4j's proxy manager over it. Every command
 * is bounded by {@code rollcall.redis.command-timeout} (2 s; Lettuce's default of 60 s
 * would hold every request for a minute while Redis hangs), commands are rejected at once
 * while disconnected, and Lettuce does not reconnect on its own: the limiter reconnects
 * when it next tries Redis (see {@code rollcall.limits.redis-retry-interval}), so a Redis
 * that comes back is used again within one interval instead of after Lettuce's reconnect
 * back-off (up to 30 s). On a Redis Cluster Lettuce does reconnect: a lost master comes
 * back as its promoted replica at another address, which Lettuce finds by refreshing the
 * topology when a node stays unreachable; every bucket is one key, which Bucket4j's
 * scripts reach on its slot's master.
 */
final class LimiterRedis implements DisposableBean {

	/** Idle buckets expire from Redis once they would be full again, plus this margin. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

	private final RedisConnector client;

	private final String keyPrefix;

	private final Duration timeout;

	private final boolean batching;

	private RedisConnection<String, byte[]> connection;

	private ProxyManager<String> buckets;

	LimiterRedis(RedisClients redis, boolean batching) {
		this.client = redis.properties().isClusterMode() ? redis.create()
				: redis.create(options -> options.autoReconnect(false));
		this.keyPrefix = redis.properties().keyPrefix() + "ratelimit:";
		this.timeout = redis.properties().commandTimeout();
		this.batching = batching;
	}

	boolean batching() {
		return batching;
	}

	/** The bucket key of {@code name} (e.g. {@code tenant:{demo}:queries}). */
	String key(String name) {
		return keyPrefix + name;
	}

	/**
	 * Bucket4j's proxy manager on a live connection, connecting (or reconnecting) first
	 * when needed.
	 * @throws io.lettuce.core.RedisException when Redis cannot be reached within the
	 * timeout
	 */
	synchronized ProxyManager<String> buckets() {
		if (connection == null || !connection.isOpen()) {
			if (connection != null) {
				connection.close();
			}
			connection = null;
			RedisConnection<String, byte[]> connected = client
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			LettuceBasedProxyManagerBuilder<String> builder = switch (connected) {
				case RedisConnection.Standalone<String, byte[]> server ->
					Bucket4jLettuce.casBasedBuilder(server.lettuce());
				case RedisConnection.Cluster<String, byte[]> cluster ->
					Bucket4jLettuce.casBasedBuilder(cluster.lettuce());
			};
			buckets = builder
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_MARGIN))
				.requestTimeout(timeout)
				.build();
			connection = connected;
		}
		return buckets;
	}

	@Override
	public synchronized void destroy() {
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
	}

}
