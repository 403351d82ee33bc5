package io.rollcall.api.usage;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.redis.LazyConnection;
import io.rollcall.platform.redis.RedisClients;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * Usage in Redis: a hash per client and hour,
 * {@code <prefix>usage:<tenant>:<client>:<yyyyMMddHH>} (UTC), with the fields
 * {@code requests}, {@code cost}, {@code events} and {@code refused:<code>}, incremented
 * with {@code HINCRBY} and expiring {@code retention} after their last write; and per
 * tenant a sorted set {@code <prefix>usage:<tenant>:clients} of its clients scored by the
 * last hour they were active (epoch hours), from which a tenant-wide read learns whose
 * hashes to read. Writes and reads are pipelined: all commands of a batch go out before
 * the first reply is awaited. The connection is opened on first use, so the api starts
 * while Redis is down.
 */
final class UsageRedis implements DisposableBean {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

	private final LazyConnection connection;

	private final String prefix;

	private final Duration timeout;

	private final Duration retryAfter;

	private final Duration retention;

	UsageRedis(RedisClients clients, Duration retention) {
		this.connection = clients.lazyConnection();
		this.prefix = clients.properties().keyPrefix() + "usage:";
		this.timeout = clients.properties().commandTimeout();
		this.retryAfter = clients.properties().retryAfter();
		this.retention = retention;
	}

	/**
	 * Adds {@code counts} to their hashes, renews their expiry and records each client as
	 * active in its tenant.
	 * @throws RedisException when Redis did not take the whole batch within the command
	 * timeout (some of it may have landed)
	 */
	void write(Map<UsageCounters.Cell, Long> counts) {
		RedisClusterAsyncCommands<String, String> redis = connection.get().async();
		List<RedisFuture<?>> replies = new ArrayList<>();
		Map<String, Long> lastHourByHash = new HashMap<>();
		Map<String, Map<String, Long>> lastHourByTenant = new HashMap<>();
		for (Map.Entry<UsageCounters.Cell, Long> count : counts.entrySet()) {
			UsageCounters.Cell cell = count.getKey();
			String hash = hash(cell.tenantId(), cell.clientId(), cell.hour());
			replies.add(redis.hincrby(hash, cell.field(), count.getValue()));
			long epochHour = epochHour(cell.hour());
			lastHourByHash.merge(hash, epochHour, Math::max);
			lastHourByTenant.computeIfAbsent(cell.tenantId(), tenant -> new HashMap<>())
				.merge(cell.clientId(), epochHour, Math::max);
		}
		lastHourByHash.keySet().forEach(hash -> replies.add(redis.expire(hash, retention)));
		lastHourByTenant.forEach((tenant, clients) -> {
			String active = clients(tenant);
			clients.forEach((client, hour) -> replies.add(redis.zadd(active, ZAddArgs.Builder.gt(), hour, client)));
			replies.add(redis.expire(active, retention));
			// Clients whose last active hour has expired have no hash left.
			long expired = clients.values().stream().mapToLong(Long::longValue).max().orElseThrow()
					- retention.toHours() - 1;
			replies.add(redis.zremrangebyscore(active, Range.create(Double.NEGATIVE_INFINITY, (double) expired)));
		});
		if (!LettuceFutures.awaitAll(timeout, replies.toArray(RedisFuture[]::new))) {
			throw new RedisCommandTimeoutException("usage counters were not written within " + timeout);
		}
	}

	/**
	 * The clients of {@code tenantId} active in the hour of {@code since} or later.
	 * @throws UnavailableException when Redis does not answer
	 */
	List<String> clientsActiveSince(String tenantId, Instant since) {
		try {
			return connection.get()
				.sync()
				.zrangebyscore(clients(tenantId), Range.create((double) epochHour(since), Double.POSITIVE_INFINITY));
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
	}

	/**
	 * The counters of {@code clientId} for each of {@code hours}, in their order; an
	 * empty map for an hour without any.
	 * @throws UnavailableException when Redis does not answer
	 */
	List<Map<String, String>> read(String tenantId, String clientId, List<Instant> hours) {
		try {
			RedisClusterAsyncCommands<String, String> redis = connection.get().async();
			List<RedisFuture<Map<String, String>>> replies = new ArrayList<>(hours.size());
			for (Instant hour : hours) {
				replies.add(redis.hgetall(hash(tenantId, clientId, hour)));
			}
			List<Map<String, String>> counters = new ArrayList<>(hours.size());
			for (RedisFuture<Map<String, String>> reply : replies) {
				counters.add(LettuceFutures.awaitOrCancel(reply, timeout.toMillis(), TimeUnit.MILLISECONDS));
			}
			return counters;
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
	}

	private String hash(String tenantId, String clientId, Instant hour) {
		return prefix + tenantId + ":" + clientId + ":" + HOUR.format(hour);
	}

	private String clients(String tenantId) {
		return prefix + tenantId + ":clients";
	}

	private static long epochHour(Instant instant) {
		return instant.getEpochSecond() / 3600;
	}

	private UnavailableException unavailable(RedisException e) {
		return new UnavailableException("usage is unavailable, retry later", retryAfter, e);
	}

	@Override
	public void destroy() {
		connection.close();
	}

}
