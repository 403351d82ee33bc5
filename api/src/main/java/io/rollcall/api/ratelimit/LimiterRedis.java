package io.rollcall.api.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.rollcall.platform.redis.RedisClients;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;

/**
 * The limiter's own Redis connection and Bucket4j's proxy manager over it. Every command
 * is bounded by {@code rollcall.redis.command-timeout} (2 s; Lettuce's default of 60 s
 * would hold every request for a minute while Redis hangs), commands are rejected at once
 * while disconnected, and Lettuce does not reconnect on its own: the limiter reconnects
 * when it next tries Redis (see {@code rollcall.limits.redis-retry-interval}), so a Redis
 * that comes back is used again within one interval instead of after Lettuce's reconnect
 * back-off (up to 30 s).
 */
final class LimiterRedis implements DisposableBean {

	/** Idle buckets expire from Redis once they would be full again, plus this margin. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

	private final RedisClient client;

	private final String keyPrefix;

	private final Duration timeout;

	private final boolean batching;

	private StatefulRedisConnection<String, byte[]> connection;

	private ProxyManager<String> buckets;

	LimiterRedis(RedisClients redis, boolean batching) {
		this.client = redis.create(options -> options.autoReconnect(false));
		this.keyPrefix = redis.properties().keyPrefix() + "ratelimit:";
		this.timeout = redis.properties().commandTimeout();
		this.batching = batching;
	}

	boolean batching() {
		return batching;
	}

	/** The bucket key of {@code name} (e.g. {@code tenant:demo:queries}). */
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
			StatefulRedisConnection<String, byte[]> connected = client
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			buckets = Bucket4jLettuce.casBasedBuilder(connected)
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
