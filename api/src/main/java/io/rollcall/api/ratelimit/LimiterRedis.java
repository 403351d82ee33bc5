package io.rollcall.api.ratelimit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;

/**
 * The limiter's own Redis connection and its two scripts, each one round trip whatever
 * the number of buckets. Every command is bounded by
 * {@code rollcall.redis.command-timeout} (2 s), commands are rejected at once while
 * disconnected, and Lettuce does not reconnect on its own: the limiter reconnects when it
 * next tries Redis (see {@code rollcall.limits.redis-retry-interval}), so a Redis that
 * comes back is used again within one interval instead of after Lettuce's reconnect
 * back-off (up to 30 s). On a Redis Cluster Lettuce does reconnect: a lost master comes
 * back as its promoted replica at another address, which Lettuce finds by refreshing the
 * topology when a node stays unreachable; each script runs on the master of its keys'
 * slot.
 *
 * <h2>The buckets</h2> Each bucket is one key holding its theoretical arrival time (the
 * generic cell rate algorithm, GCRA): the instant, in microseconds of Redis's clock, at
 * which it will be full again. A bucket of capacity {@code c} refilling {@code r} tokens
 * a second, one token every {@code 1/r} s, holds {@code c - (tat - now) * r} tokens;
 * taking {@code n} moves {@code tat} {@code n/r} s later and is refused when that would
 * leave fewer than none; giving back moves it earlier, never before now (full). This is
 * the token bucket with greedy refill that Bucket4j computes (and still computes for the
 * in-memory fallback), in one number instead of a serialized state, so that the
 * arithmetic runs inside Redis: a script takes from every bucket of a request or from
 * none, atomically, with no compare-and-swap to retry under contention. Times come from
 * Redis ({@code TIME}), so api instances with skewed clocks still agree. A bucket's key
 * expires once the bucket would be full again (plus a margin): an idle tenant costs
 * nothing.
 *
 * <p>
 * Keys of one script must share a Redis Cluster slot: every bucket key carries its
 * tenant's hash tag ({@code {tenant}}), as does the tenant's cache generations hash read
 * by the same script.
 */
final class LimiterRedis implements DisposableBean {

	/** Where the scripts' replies are handed over (see {@link #run}). */
	private static final Executor CALLBACKS = Executors.newVirtualThreadPerTaskExecutor();

	/** Idle buckets expire from Redis once they would be full again, plus this margin. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

	/**
	 * What both scripts start with: Redis's time in microseconds (a script that reads the
	 * time must replicate its effects, which Redis 7 does by default and 6.2 on request)
	 * and the number of buckets, ARGV[1].
	 */
	private static final String PRELUDE = """
			if redis.replicate_commands then redis.replicate_commands() end
			local clock = redis.call('TIME')
			local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
			local buckets = tonumber(ARGV[1])
			""";

	/**
	 * Takes ARGV[2] tokens from each of the ARGV[1] buckets KEYS[1..n] (capacity and
	 * refill per second in ARGV[2 + 2i], ARGV[3 + 2i]), or from none when one lacks them.
	 * Returns the index of the first refusing bucket (0: taken), then per bucket its
	 * tokens (after taking; floor), the microseconds until it holds enough (refused only)
	 * and until it is full, then, when a key follows the buckets, that hash's fields and
	 * values (HGETALL).
	 */
	private static final String TAKE = PRELUDE + """
			local tokens = tonumber(ARGV[2])
			local margin = tonumber(ARGV[3])
			local arrivals, limits, intervals = {}, {}, {}
			local refused = 0
			for i = 1, buckets do
			  local interval = 1000000 / tonumber(ARGV[3 + 2 * i])
			  intervals[i] = interval
			  limits[i] = now + tonumber(ARGV[2 + 2 * i]) * interval
			  arrivals[i] = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
			  if refused == 0 and arrivals[i] + tokens * interval > limits[i] then
			    refused = i
			  end
			end
			local result = { refused }
			for i = 1, buckets do
			  local tat = arrivals[i]
			  local wait = 0
			  if refused == 0 then
			    tat = tat + tokens * intervals[i]
			    redis.call('SET', KEYS[i], string.format('%.17g', tat), 'PX', math.ceil((tat - now) / 1000) + margin)
			  elseif tat + tokens * intervals[i] > limits[i] then
			    wait = tat + tokens * intervals[i] - limits[i]
			  end
			  table.insert(result, math.floor((limits[i] - tat) / intervals[i] + 0.001))
			  table.insert(result, math.ceil(wait))
			  table.insert(result, math.ceil(tat - now))
			end
			if #KEYS > buckets then
			  table.insert(result, redis.call('HGETALL', KEYS[buckets + 1]))
			end
			return result
			""";

	/**
	 * Gives ARGV[2] tokens back to each of the ARGV[1] buckets KEYS[1..n] (up to full),
	 * or takes them when negative, even into debt. Returns per bucket its tokens and the
	 * microseconds until it is full.
	 */
	private static final String ADJUST = PRELUDE
			+ """
					local difference = tonumber(ARGV[2])
					local margin = tonumber(ARGV[3])
					local result = {}
					for i = 1, buckets do
					  local interval = 1000000 / tonumber(ARGV[3 + 2 * i])
					  local tat = math.max(math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now) - difference * interval, now)
					  if tat > now then
					    redis.call('SET', KEYS[i], string.format('%.17g', tat), 'PX', math.ceil((tat - now) / 1000) + margin)
					  else
					    redis.call('DEL', KEYS[i])
					  end
					  table.insert(result, math.floor((now + tonumber(ARGV[2 + 2 * i]) * interval - tat) / interval + 0.001))
					  table.insert(result, math.ceil(tat - now))
					end
					return result
					""";

	private final RedisConnector client;

	private final String keyPrefix;

	private RedisConnection<String, String> connection;

	private String takeDigest;

	private String adjustDigest;

	LimiterRedis(RedisClients redis) {
		this.client = redis.properties().isClusterMode() ? redis.create()
				: redis.create(options -> options.autoReconnect(false));
		this.keyPrefix = redis.properties().keyPrefix() + "ratelimit:";
	}

	/**
	 * Takes {@code tokens} from every bucket of {@code limits} or from none, and reads
	 * the hash {@code readKey} (a full key, or {@code null}) in the same round trip.
	 * @return the script's reply (see {@link #TAKE})
	 * @throws io.lettuce.core.RedisException when Redis cannot be reached (the future
	 * fails likewise when the command does not complete within the timeout)
	 */
	CompletableFuture<List<Object>> take(List<BucketStore.Limit> limits, long tokens, String readKey) {
		List<String> keys = keys(limits);
		if (readKey != null) {
			keys.add(readKey);
		}
		return run(TAKE, true, keys, arguments(limits, tokens));
	}

	/**
	 * Gives {@code difference} tokens back to every bucket of {@code limits} (takes them
	 * when negative).
	 * @return the script's reply (see {@link #ADJUST})
	 */
	CompletableFuture<List<Object>> adjust(List<BucketStore.Limit> limits, long difference) {
		return run(ADJUST, false, keys(limits), arguments(limits, difference));
	}

	private List<String> keys(List<BucketStore.Limit> limits) {
		List<String> keys = new ArrayList<>();
		limits.forEach(limit -> keys.add(keyPrefix + limit.redisKey()));
		return keys;
	}

	private static String[] arguments(List<BucketStore.Limit> limits, long tokens) {
		String[] arguments = new String[3 + 2 * limits.size()];
		arguments[0] = Integer.toString(limits.size());
		arguments[1] = Long.toString(tokens);
		arguments[2] = Long.toString(EXPIRY_MARGIN.toMillis());
		for (int i = 0; i < limits.size(); i++) {
			arguments[3 + 2 * i] = Long.toString(limits.get(i).capacity());
			arguments[4 + 2 * i] = Long.toString(limits.get(i).refillPerSecond());
		}
		return arguments;
	}

	/**
	 * {@code EVALSHA}, one round trip; {@code EVAL} (which caches the script again) only
	 * when Redis does not know the script, after a restart or a flush.
	 */
	private CompletableFuture<List<Object>> run(String script, boolean take, List<String> keyList, String[] arguments) {
		String[] keys = keyList.toArray(String[]::new);
		RedisClusterAsyncCommands<String, String> commands = connection().async();
		String digest = take ? takeDigest : adjustDigest;
		return commands.<List<Object>>evalsha(digest, ScriptOutputType.MULTI, keys, arguments)
			.toCompletableFuture()
			.exceptionallyCompose(failure -> {
				Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
				if (cause instanceof RedisNoScriptException) {
					return commands.<List<Object>>eval(script, ScriptOutputType.MULTI, keys, arguments)
						.toCompletableFuture();
				}
				return CompletableFuture.failedFuture(cause);
			})
			// Whatever follows (the admission, a mutation or subscription that waited for
			// it) runs on a virtual thread, never on Lettuce's event loop: blocking there
			// (a subscription opening its own Redis connection) would stall every Redis
			// client sharing it, its own reply included.
			.whenCompleteAsync((reply, failure) -> {
			}, CALLBACKS);
	}

	/** A live connection, connecting (or reconnecting) first when needed. */
	private synchronized RedisConnection<String, String> connection() {
		if (connection == null || !connection.isOpen()) {
			if (connection != null) {
				connection.close();
			}
			connection = null;
			RedisConnection<String, String> connected = client.connect();
			takeDigest = connected.sync().digest(TAKE);
			adjustDigest = connected.sync().digest(ADJUST);
			connection = connected;
		}
		return connection;
	}

	@Override
	public synchronized void destroy() {
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
	}

}
