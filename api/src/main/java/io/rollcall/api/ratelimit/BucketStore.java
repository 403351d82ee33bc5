package io.rollcall.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.rollcall.platform.UnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets by name: Bucket4j proxies of buckets kept in Redis, or, while Redis is
 * unreachable, the fallback policy: in-memory Bucket4j buckets of the same configuration
 * on this instance ({@code FAIL_OPEN}) or {@code UNAVAILABLE} ({@code FAIL_CLOSED}).
 * After a failure Redis is tried again once {@code redis-retry-interval} has passed; the
 * first success switches every bucket back to Redis.
 */
final class BucketStore {

	private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

	private final LimiterRedis redis;

	private final RateLimitProperties properties;

	private final Map<Limit, Bucket> local = new ConcurrentHashMap<>();

	private final Map<Limit, Bucket> remote = new ConcurrentHashMap<>();

	private ProxyManager<String> remoteManager;

	private volatile boolean redisDown;

	private volatile long retryAt;

	private volatile String lastFailure;

	BucketStore(LimiterRedis redis, RateLimitProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Applies {@code operation} to the bucket of {@code limit}, wherever it lives now.
	 */
	<T> T apply(Limit limit, Function<Bucket, T> operation) {
		if (!redisDown || System.nanoTime() - retryAt >= 0) {
			try {
				T result = operation.apply(remote(limit));
				if (redisDown) {
					redisDown = false;
					log.info("Redis is reachable again: distributed rate limits resume");
				}
				return result;
			}
			catch (RuntimeException e) {
				failed(e);
			}
		}
		if (properties.redisFailure() == RateLimitProperties.RedisFailure.FAIL_CLOSED) {
			throw new UnavailableException("the rate limiter is unavailable, retry later", properties.retryAfter(),
					null);
		}
		return operation.apply(local.computeIfAbsent(limit, BucketStore::localBucket));
	}

	/** Where buckets live now, for health. */
	State state() {
		if (!redisDown) {
			return new State(Mode.DISTRIBUTED, null);
		}
		return new State(properties.redisFailure() == RateLimitProperties.RedisFailure.FAIL_OPEN ? Mode.LOCAL_FALLBACK
				: Mode.CLOSED, lastFailure);
	}

	private Bucket remote(Limit limit) {
		ProxyManager<String> manager = redis.buckets();
		synchronized (this) {
			if (manager != remoteManager) {
				// A new connection: proxies (and their batching state) belong to the old
				// one.
				remote.clear();
				remoteManager = manager;
			}
		}
		return remote.computeIfAbsent(limit, key -> {
			RemoteBucketBuilder<String> builder = manager.builder();
			if (redis.batching()) {
				builder = builder.withOptimization(Optimizations.batching());
			}
			return builder.build(redis.key(key.redisKey()), key::configuration);
		});
	}

	private void failed(RuntimeException e) {
		if (!redisDown) {
			log.warn("Redis is unreachable for rate limits ({}); {} for at least {}", e.toString(),
					properties.redisFailure() == RateLimitProperties.RedisFailure.FAIL_OPEN
							? "limiting per instance in memory" : "refusing rate-limited requests",
					properties.redisRetryInterval());
		}
		lastFailure = e.getClass().getSimpleName();
		retryAt = System.nanoTime() + properties.redisRetryInterval().toNanos();
		redisDown = true;
	}

	private static Bucket localBucket(Limit limit) {
		LocalBucketBuilder builder = Bucket.builder();
		for (Bandwidth bandwidth : limit.configuration().getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

	/**
	 * One bucket: its name (the Redis key after the prefix), its policy name in the
	 * {@code RateLimit} headers, its capacity and refill per second.
	 */
	record Limit(String name, String policy, long capacity, long refillPerSecond) {

		/**
		 * The name plus the configuration. Bucket4j applies a configuration only when it
		 * creates a bucket, and a busy tenant's bucket never expires: keyed by name
		 * alone, a plan change (or two instances configured differently during a rollout)
		 * would keep the old limits indefinitely. A changed plan starts from a full
		 * bucket of the new size; the old one expires once it would have refilled.
		 */
		String redisKey() {
			return name + ":" + capacity + ":" + refillPerSecond;
		}

		BucketConfiguration configuration() {
			return BucketConfiguration.builder()
				.addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerSecond, Duration.ofSeconds(1)))
				.build();
		}

		/** Seconds in which an empty bucket refills: the window of the policy header. */
		long windowSeconds() {
			return Math.max(1, (capacity + refillPerSecond - 1) / refillPerSecond);
		}

	}

	enum Mode {

		/** Buckets in Redis, shared by every api instance. */
		DISTRIBUTED,
		/** Redis unreachable: in-memory buckets on this instance. */
		LOCAL_FALLBACK,
		/** Redis unreachable: rate-limited requests are refused. */
		CLOSED

	}

	record State(Mode mode, String lastFailure) {
	}

}
