package io.rollcall.indexer.stream;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This replica's view of the consumer group on one stream, on a connection of its own:
 * blocking reads would otherwise hold up every command queued behind them on a shared
 * connection.
 */
final class ConsumerGroup implements AutoCloseable {

	private static final int CLAIM_PAGE = 100;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> redis;

	private final String stream;

	private final String group;

	private final Consumer<String> consumer;

	ConsumerGroup(RedisClient client, String stream, String group, String consumerName, Duration timeout) {
		this.connection = client.connect();
		this.connection.setTimeout(timeout);
		this.redis = connection.sync();
		this.stream = stream;
		this.group = group;
		this.consumer = Consumer.from(group, consumerName);
	}

	/**
	 * Creates the group (and the stream) unless it exists. It starts at the beginning of
	 * the stream, not at {@code $}: entries the api wrote before the first indexer
	 * started are indexed too.
	 */
	void create() {
		try {
			redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), group, XGroupCreateArgs.Builder.mkstream());
		}
		catch (RedisBusyException e) {
			// BUSYGROUP: another replica (or an earlier start) created it.
		}
	}

	/**
	 * Whether {@code e} says the group (or the stream) is gone, e.g. after a FLUSHALL.
	 */
	static boolean isNoGroup(RuntimeException e) {
		return e instanceof RedisCommandExecutionException && e.getMessage() != null
				&& e.getMessage().startsWith("NOGROUP");
	}

	/**
	 * New entries for this consumer, waiting up to {@code block} (at least 1 ms: 0 would
	 * mean forever).
	 */
	@SuppressWarnings("unchecked") // a generic varargs array of one offset, created by
									// the call
	List<StreamMessage<String, String>> read(int count, Duration block) {
		long millis = Math.max(1, block.toMillis());
		return redis.xreadgroup(consumer, XReadArgs.Builder.count(count).block(millis),
				XReadArgs.StreamOffset.lastConsumed(stream));
	}

	/**
	 * Up to {@code count} entries this consumer read earlier and has not acknowledged,
	 * oldest first (XREADGROUP from id 0). After a batch was left pending because
	 * Elasticsearch was unavailable, the consumer re-reads them this way instead of
	 * waiting claim-idle for XAUTOCLAIM.
	 */
	@SuppressWarnings("unchecked") // a generic varargs array of one offset, created by
									// the call
	List<StreamMessage<String, String>> readPending(int count) {
		return redis.xreadgroup(consumer, XReadArgs.Builder.count(count), XReadArgs.StreamOffset.from(stream, "0"));
	}

	/**
	 * Takes over up to {@code max} entries pending for longer than {@code minIdle},
	 * whoever holds them.
	 */
	List<StreamMessage<String, String>> claim(Duration minIdle, int max) {
		List<StreamMessage<String, String>> claimed = new ArrayList<>();
		String cursor = "0-0";
		do {
			ClaimedMessages<String, String> page = redis.xautoclaim(stream,
					new XAutoClaimArgs<String>().consumer(consumer)
						.minIdleTime(minIdle)
						.startId(cursor)
						.count(Math.min(CLAIM_PAGE, max - claimed.size())));
			claimed.addAll(page.getMessages());
			cursor = page.getId();
		}
		while (!"0-0".equals(cursor) && claimed.size() < max);
		return claimed;
	}

	void ack(List<String> ids) {
		if (!ids.isEmpty()) {
			redis.xack(stream, group, ids.toArray(String[]::new));
		}
	}

	/**
	 * The entries of the stream, acknowledged or not (the backfill stream only holds
	 * unacknowledged ones).
	 */
	long length() {
		return redis.xlen(stream);
	}

	String stream() {
		return stream;
	}

	String group() {
		return group;
	}

	/**
	 * Deletes the group's consumers that hold no pending entry and have been idle for
	 * longer than {@code idle}, except {@code keep} (this replica's own). Every replica
	 * start adds consumer names (a random suffix each), and the group's list would only
	 * grow. Before Redis 7.2, {@code idle} counts from a consumer's last delivered entry,
	 * so a live consumer of another replica on a quiet stream may be deleted too: that
	 * costs nothing, since it holds nothing and its next read creates it again.
	 * @return the names deleted
	 */
	List<String> forgetIdleConsumers(Duration idle, Set<String> keep) {
		List<String> forgotten = new ArrayList<>();
		for (Object info : redis.xinfoConsumers(stream, group)) {
			Map<String, Object> fields = new HashMap<>();
			List<?> reply = (List<?>) info;
			for (int i = 0; i + 1 < reply.size(); i += 2) {
				fields.put(String.valueOf(reply.get(i)), reply.get(i + 1));
			}
			String name = String.valueOf(fields.get("name"));
			boolean nothingPending = fields.get("pending") instanceof Number pending && pending.longValue() == 0;
			boolean longIdle = fields.get("idle") instanceof Number millis && millis.longValue() > idle.toMillis();
			if (nothingPending && longIdle && !keep.contains(name)) {
				redis.xgroupDelconsumer(stream, Consumer.from(group, name));
				forgotten.add(name);
			}
		}
		return forgotten;
	}

	/**
	 * Deletes the entries every consumer is done with: those below the group's oldest
	 * pending entry, or, with nothing pending, below the last entry it delivered
	 * ({@code XTRIM MINID}, exact). The delivered id is read first: an entry delivered
	 * before that read and not pending at the later {@code XPENDING} has been
	 * acknowledged, and acknowledged entries never become pending again; entries
	 * delivered in between are above the bound. Only the indexer's group reads this
	 * stream, so no other group can be waiting for what is deleted.
	 * @return the pending summary the bound was taken from
	 */
	PendingMessages trimAcknowledged() {
		String delivered = lastDeliveredId();
		PendingMessages pending = redis.xpending(stream, group);
		String oldestPending = oldestPending(pending);
		if (delivered != null) {
			boolean pendingIsOlder = oldestPending != null && compareIds(oldestPending, delivered) < 0;
			redis.xtrim(stream, XTrimArgs.Builder.minId(pendingIsOlder ? oldestPending : delivered));
		}
		return pending;
	}

	/** The group's {@code last-delivered-id}, or {@code null} when it has none. */
	private String lastDeliveredId() {
		for (Object info : redis.xinfoGroups(stream)) {
			List<?> fields = (List<?>) info;
			int name = fields.indexOf("name");
			int delivered = fields.indexOf("last-delivered-id");
			if (name >= 0 && delivered >= 0 && group.equals(fields.get(name + 1))) {
				return String.valueOf(fields.get(delivered + 1));
			}
		}
		return null;
	}

	/** The id of the oldest pending entry of {@code pending}, or {@code null}. */
	static String oldestPending(PendingMessages pending) {
		return pending.getCount() == 0 || pending.getMessageIds().getLower() == null ? null
				: pending.getMessageIds().getLower().getValue();
	}

	/** Orders stream ids ({@code <millis>-<sequence>}) numerically. */
	static int compareIds(String a, String b) {
		String[] left = a.split("-", 2);
		String[] right = b.split("-", 2);
		int byTime = Long.compare(Long.parseLong(left[0]), Long.parseLong(right[0]));
		return byTime != 0 ? byTime : Long.compare(Long.parseLong(left[1]), Long.parseLong(right[1]));
	}

	@Override
	public void close() {
		connection.close();
	}

}
