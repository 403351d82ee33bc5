package io.rollcall.indexer.stream;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One consumer loop's view of the consumer group on one stream, on a connection of its
 * own: blocking reads would otherwise hold up every command queued behind them on a
 * shared connection. Only its loop's thread uses it.
 */
final class ConsumerGroup implements AutoCloseable {

	private static final int CLAIM_PAGE = 100;

	private final RedisConnection<String, String> connection;

	private final RedisClusterCommands<String, String> redis;

	private final String stream;

	private final String group;

	private final Consumer<String> consumer;

	ConsumerGroup(RedisConnector client, String stream, String group, String consumerName, Duration timeout) {
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

	String stream() {
		return stream;
	}

	String group() {
		return group;
	}

	@Override
	public void close() {
		connection.close();
	}

}
