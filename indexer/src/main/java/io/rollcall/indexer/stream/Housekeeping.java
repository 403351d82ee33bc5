package io.rollcall.indexer.stream;

import io.lettuce.core.Consumer;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessages;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The periodic duties of a replica towards the consumer group, run by the
 * {@link StreamConsumer}'s scheduler on the shared connection (none of them blocks):
 * trimming what the group acknowledged from the live stream (the one place that trims),
 * updating the {@link StreamGauges}, and forgetting the consumers of replicas that are
 * gone. They touch nothing the consumer loops own.
 */
@Component
class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final RedisClusterCommands<String, String> redis;

	private final IngestKeys keys;

	private final StreamGauges gauges;

	Housekeeping(RedisConnection<String, String> connection, IngestKeys keys, StreamGauges gauges) {
		this.redis = connection.sync();
		this.keys = keys;
		this.gauges = gauges;
	}

	/**
	 * Trims what the group acknowledged from the live stream, then updates the gauges
	 * from the same pending summary.
	 */
	void trimAndMeasure() {
		PendingMessages pending = trimAcknowledged(keys.liveStream());
		gauges.update(pending.getCount(), oldestPending(pending), redis.xlen(keys.backfillStream()));
	}

	/**
	 * Deletes, on both streams, the group's consumers that hold no pending entry and have
	 * been idle for longer than {@code idle}, except {@code keep} (this replica's own).
	 * Every replica start adds consumer names (a random suffix each), and the group's
	 * list would only grow. Before Redis 7.2, {@code idle} counts from a consumer's last
	 * delivered entry, so a live consumer of another replica on a quiet stream may be
	 * deleted too: that costs nothing, since it holds nothing and its next read creates
	 * it again.
	 */
	void forgetGoneConsumers(Duration idle, Set<String> keep) {
		for (String stream : List.of(keys.liveStream(), keys.backfillStream())) {
			List<String> forgotten = new ArrayList<>();
			for (Object info : redis.xinfoConsumers(stream, keys.consumerGroup())) {
				Map<String, Object> fields = new HashMap<>();
				List<?> reply = (List<?>) info;
				for (int i = 0; i + 1 < reply.size(); i += 2) {
					fields.put(String.valueOf(reply.get(i)), reply.get(i + 1));
				}
				String name = String.valueOf(fields.get("name"));
				boolean nothingPending = fields.get("pending") instanceof Number pending && pending.longValue() == 0;
				boolean longIdle = fields.get("idle") instanceof Number millis && millis.longValue() > idle.toMillis();
				if (nothingPending && longIdle && !keep.contains(name)) {
					redis.xgroupDelconsumer(stream, Consumer.from(keys.consumerGroup(), name));
					forgotten.add(name);
				}
			}
			if (!forgotten.isEmpty()) {
				log.info("Deleted consumers {} of {}: nothing pending, idle for more than {}", forgotten, stream, idle);
			}
		}
	}

	/**
	 * Deletes the entries every consumer is done with: those below the group's oldest
	 * pending entry, or, with nothing pending, below the last entry it delivered
	 * ({@code XTRIM MINID}, exact; never {@code MAXLEN}, which can drop entries not
	 * acknowledged yet). The delivered id is read first: an entry delivered before that
	 * read and not pending at the later {@code XPENDING} has been acknowledged, and
	 * acknowledged entries never become pending again; entries delivered in between are
	 * above the bound. Only the indexer's group reads this stream, so no other group can
	 * be waiting for what is deleted.
	 * @return the pending summary the bound was taken from
	 */
	private PendingMessages trimAcknowledged(String stream) {
		String delivered = lastDeliveredId(stream);
		PendingMessages pending = redis.xpending(stream, keys.consumerGroup());
		String oldestPending = oldestPending(pending);
		if (delivered != null) {
			boolean pendingIsOlder = oldestPending != null && compareIds(oldestPending, delivered) < 0;
			redis.xtrim(stream, XTrimArgs.Builder.minId(pendingIsOlder ? oldestPending : delivered));
		}
		return pending;
	}

	/** The group's {@code last-delivered-id}, or {@code null} when it has none. */
	private String lastDeliveredId(String stream) {
		for (Object info : redis.xinfoGroups(stream)) {
			List<?> fields = (List<?>) info;
			int name = fields.indexOf("name");
			int delivered = fields.indexOf("last-delivered-id");
			if (name >= 0 && delivered >= 0 && keys.consumerGroup().equals(fields.get(name + 1))) {
				return String.valueOf(fields.get(delivered + 1));
			}
		}
		return null;
	}

	/** The id of the oldest pending entry of {@code pending}, or {@code null}. */
	private static String oldestPending(PendingMessages pending) {
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

}
