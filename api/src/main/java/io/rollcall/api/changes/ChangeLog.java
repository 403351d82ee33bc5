package io.rollcall.api.changes;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.redis.LazyConnection;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads tenants' change logs (one Redis stream each, see {@link IngestKeys#changeLog}) on
 * one shared connection, opened on first use. Every read also reads the log's floor
 * ({@link IngestKeys#changeLogFloor}) after the entries, in the same round trip: the
 * indexer moves the floor before (or with) the trim that removes entries, so a read whose
 * floor is still at or below where it started cannot have missed any.
 */
@Component
class ChangeLog implements DisposableBean {

	/** The position before every entry: stream ids start above it. */
	static final String START = "0-0";

	private final LazyConnection connection;

	private final IngestKeys keys;

	private final Duration retryAfter;

	ChangeLog(RedisClients clients, IngestKeys keys) {
		this.connection = clients.lazyConnection();
		this.keys = keys;
		this.retryAfter = clients.properties().retryAfter();
	}

	/**
	 * Up to {@code count} entries of {@code tenantId}'s log after {@code after}
	 * (exclusive; {@code null}: from the oldest entry kept) up to {@code upTo}
	 * (inclusive; {@code null}: the newest), in log order.
	 * @throws UnavailableException when Redis does not answer
	 */
	Page read(String tenantId, String after, String upTo, int count) {
		Range<String> range = Range.from(after == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(after),
				upTo == null ? Range.Boundary.unbounded() : Range.Boundary.including(upTo));
		RedisClusterAsyncCommands<String, String> commands = commands().async();
		// One round trip: Redis runs the GET after the XRANGE.
		RedisFuture<List<StreamMessage<String, String>>> entries = commands.xrange(keys.changeLog(tenantId), range,
				Limit.from(count));
		RedisFuture<String> floor = commands.get(keys.changeLogFloor(tenantId));
		List<LoggedEntry> read = await(entries).stream()
			.map(message -> new LoggedEntry(message.getId(), message.getBody()))
			.toList();
		return new Page(read, await(floor));
	}

	/**
	 * Where a reader of {@code tenantId}'s log starts "from now on": after its newest
	 * entry, or after its floor when retention emptied it ({@link #START} for a log never
	 * written).
	 */
	String newest(String tenantId) {
		RedisClusterAsyncCommands<String, String> commands = commands().async();
		RedisFuture<List<StreamMessage<String, String>>> newest = commands.xrevrange(keys.changeLog(tenantId),
				Range.unbounded(), Limit.from(1));
		RedisFuture<String> floor = commands.get(keys.changeLogFloor(tenantId));
		String position = await(newest).stream().findFirst().map(StreamMessage::getId).orElse(START);
		String removed = await(floor);
		return removed != null && ChangeCursor.compare(removed, position) > 0 ? removed : position;
	}

	/**
	 * The id of the newest entry retention removed from {@code tenantId}'s log,
	 * {@code null} when it never removed any.
	 */
	String floor(String tenantId) {
		return await(commands().async().get(keys.changeLogFloor(tenantId)));
	}

	private <T> T await(RedisFuture<T> future) {
		try {
			// Bounded by the command timeout (see RedisClients).
			return future.toCompletableFuture().join();
		}
		catch (CompletionException | RedisException ex) {
			throw new UnavailableException("the change log is unavailable, retry later", retryAfter, ex);
		}
	}

	private RedisConnection<String, String> commands() {
		try {
			return connection.get();
		}
		catch (RedisException ex) {
			throw new UnavailableException("the change log is unavailable, retry later", retryAfter, ex);
		}
	}

	@Override
	public void destroy() {
		connection.close();
	}

	/**
	 * Entries read from a log, and its floor read just after them.
	 *
	 * @param entries in log order
	 * @param floor the stream id of the newest entry retention had removed, {@code null}
	 * when it never removed any
	 */
	record Page(List<LoggedEntry> entries, String floor) {

		/**
		 * Whether retention removed entries after {@code after}, the exclusive start of
		 * the read: a reader that was there may have missed them.
		 */
		boolean expiredAfter(String after) {
			return floor != null && ChangeCursor.compare(floor, after) > 0;
		}

		/** The id of the last entry read; {@code otherwise} when none was. */
		String lastIdOr(String otherwise) {
			return entries.isEmpty() ? otherwise : entries.getLast().id();
		}

	}

}
