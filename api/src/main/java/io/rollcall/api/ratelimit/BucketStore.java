package io.rollcall.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.rollcall.platform.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets by name: kept in Redis and charged by {@link LimiterRedis}'s scripts (all
 * the buckets of one request in one round trip), or, while Redis is unreachable, the
 * fallback policy: in-memory Bucket4j buckets of the same configuration on this instance
 * ({@code FAIL_OPEN}) or {@code UNAVAILABLE} ({@code FAIL_CLOSED}). After a failure Redis
 * is tried again once {@code redis-retry-interval} has passed; the first success switches
 * every bucket back to Redis.
 */
final class BucketStore {

	private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

	private final LimiterRedis redis;

	private final RateLimitProperties properties;

	private final Map<Limit, Bucket> local = new ConcurrentHashMap<>();

	private volatile boolean redisDown;

	private volatile long retryAt;

	private volatile String lastFailure;

	BucketStore(LimiterRedis redis, RateLimitProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Takes {@code tokens} from every bucket of {@code limits}, or from none when one
	 * lacks them; in Redis, also reads the hash {@code readKey} (a full key, or
	 * {@code null}) in the same round trip.
	 * @return the outcome; fails with {@link UnavailableException} while Redis is
	 * unreachable in {@code FAIL_CLOSED} mode
	 */
	CompletableFuture<Taken> take(List<Limit> limits, long tokens, String readKey) {
		return inRedisOrLocally(() -> redis.take(limits, tokens, readKey).thenApply(reply -> taken(limits, reply)),
				() -> takeLocally(limits, tokens));
	}

	/**
	 * Gives {@code difference} tokens back to every bucket of {@code limits} (up to
	 * full), or takes {@code -difference} even into debt, and reads what they hold
	 * afterwards.
	 */
	CompletableFuture<List<Level>> adjust(List<Limit> limits, long difference) {
		return inRedisOrLocally(() -> redis.adjust(limits, difference).thenApply(BucketStore::levels),
				() -> limits.stream().map(limit -> adjustLocally(limit, difference)).toList());
	}

	/** Where buckets live now, for health. */
	State state() {
		if (!redisDown) {
			return new State(Mode.DISTRIBUTED, null);
		}
		return new State(properties.redisFailure() == RateLimitProperties.RedisFailure.FAIL_OPEN ? Mode.LOCAL_FALLBACK
				: Mode.CLOSED, lastFailure);
	}

	private <T> CompletableFuture<T> inRedisOrLocally(Supplier<CompletableFuture<T>> inRedis, Supplier<T> locally) {
		if (!redisDown || System.nanoTime() - retryAt >= 0) {
			CompletableFuture<T> reply;
			try {
				reply = inRedis.get();
			}
			catch (RuntimeException e) {
				failed(e);
				return fallback(locally);
			}
			return reply.handle((value, failure) -> {
				if (failure == null) {
					if (redisDown) {
						redisDown = false;
						log.info("Redis is reachable again: distributed rate limits resume");
					}
					return CompletableFuture.completedFuture(value);
				}
				failed(failure instanceof CompletionException ? failure.getCause() : failure);
				return fallback(locally);
			}).thenCompose(future -> future);
		}
		return fallback(locally);
	}

	private <T> CompletableFuture<T> fallback(Supplier<T> locally) {
		if (properties.redisFailure() == RateLimitProperties.RedisFailure.FAIL_CLOSED) {
			return CompletableFuture.failedFuture(new UnavailableException(
					"the rate limiter is unavailable, retry later", properties.retryAfter(), null));
		}
		return CompletableFuture.completedFuture(locally.get());
	}

	private Taken takeLocally(List<Limit> limits, long tokens) {
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < limits.size(); i++) {
			Bucket bucket = localBucket(limits.get(i));
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
			if (!probe.isConsumed()) {
				for (int taken = 0; taken < i; taken++) {
					levels.set(taken, giveBack(localBucket(limits.get(taken)), tokens));
				}
				levels.add(new Level(probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
						probe.getNanosToWaitForReset()));
				return new Taken(i, levels, Optional.empty());
			}
			levels.add(new Level(probe.getRemainingTokens(), 0, probe.getNanosToWaitForReset()));
		}
		return new Taken(-1, levels, Optional.empty());
	}

	private static Level giveBack(Bucket bucket, long tokens) {
		return level(bucket.asVerbose().addTokens(tokens));
	}

	private Level adjustLocally(Limit limit, long difference) {
		Bucket bucket = localBucket(limit);
		return level(difference > 0 ? bucket.asVerbose().addTokens(difference)
				: bucket.asVerbose().consumeIgnoringRateLimits(-difference));
	}

	private static Level level(VerboseResult<?> result) {
		return new Level(result.getDiagnostics().getAvailableTokens(), 0,
				result.getDiagnostics().calculateFullRefillingTime());
	}

	private Bucket localBucket(Limit limit) {
		return local.computeIfAbsent(limit, BucketStore::newLocalBucket);
	}

	private static Taken taken(List<Limit> limits, List<Object> reply) {
		int refused = ((Long) reply.get(0)).intValue() - 1;
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < limits.size(); i++) {
			levels.add(
					new Level((Long) reply.get(1 + 3 * i), micros(reply.get(2 + 3 * i)), micros(reply.get(3 + 3 * i))));
		}
		Map<String, String> read = new HashMap<>();
		if (reply.size() > 1 + 3 * limits.size()) {
			List<?> hash = (List<?>) reply.get(1 + 3 * limits.size());
			for (int i = 0; i + 1 < hash.size(); i += 2) {
				read.put((String) hash.get(i), (String) hash.get(i + 1));
			}
		}
		return new Taken(refused, levels, Optional.of(read));
	}

	private static List<Level> levels(List<Object> reply) {
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i + 1 < reply.size(); i += 2) {
			levels.add(new Level((Long) reply.get(i), 0, micros(reply.get(i + 1))));
		}
		return levels;
	}

	private static long micros(Object value) {
		return Math.max(0, (Long) value) * 1_000;
	}

	private void failed(Throwable e) {
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

	private static Bucket newLocalBucket(Limit limit) {
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
		 * The name plus the configuration. A busy tenant's bucket never expires: keyed by
		 * name alone, a plan change (or two instances configured differently during a
		 * rollout) would keep the old limits indefinitely. A changed plan starts from a
		 * full bucket of the new size; the old one expires once it would have refilled.
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

	/**
	 * What one bucket holds.
	 *
	 * @param tokens its tokens (negative while in debt)
	 * @param nanosToEnough until it holds the tokens asked for (0 unless refused)
	 * @param nanosToFull until it is full again
	 */
	record Level(long tokens, long nanosToEnough, long nanosToFull) {
	}

	/**
	 * What taking from buckets did.
	 *
	 * @param refused the index of the first bucket that lacked the tokens (nothing was
	 * taken), -1 when every bucket gave them
	 * @param levels each bucket's level, in order (after taking, when taken); when
	 * refused, at least up to the refusing bucket
	 * @param read the hash read along, empty when it was not read (the local fallback)
	 */
	record Taken(int refused, List<Level> levels, Optional<Map<String, String>> read) {

		boolean allGiven() {
			return refused < 0;
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
