package io.rollcall.bench;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the indexer has worked off the ingest stream: its consumer group has been
 * delivered the stream's last entry and has nothing pending. The indexer acknowledges an
 * entry only after applying it, refreshing and recording its lag, so a drained stream
 * means every write so far is visible and measured. "All events searchable" comes a
 * little earlier (before the rollups and the lag sample), so phases that read the lag
 * timer wait for this instead.
 */
final class IngestBacklog implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private final IngestKeys keys = new IngestKeys(IngestKeys.DEFAULT_PREFIX);

	private final RedisClients clients;

	private final RedisConnector client;

	private final RedisConnection<String, String> connection;

	IngestBacklog(String redisUrl) {
		this.clients = RedisClients.forUrl(redisUrl);
		this.client = this.clients.create();
		this.connection = this.client.connect();
	}

	/** Waits until the stream is drained; fails after {@code timeout}. */
	void awaitDrained(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isDrained()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the indexer did not drain " + this.keys.liveStream() + " within " + timeout);
			}
			DirectElasticsearch.pause(POLL);
		}
	}

	boolean isDrained() {
		RedisClusterCommands<String, String> redis = this.connection.sync();
		String stream = this.keys.liveStream();
		Map<String, Object> info = fields(redis.xinfoStream(stream));
		for (Object group : redis.xinfoGroups(stream)) {
			Map<String, Object> fields = fields((List<?>) group);
			if (this.keys.consumerGroup().equals(fields.get("name"))) {
				return ((Number) fields.get("pending")).longValue() == 0
						&& Objects.equals(fields.get("last-delivered-id"), info.get("last-generated-id"));
			}
		}
		return false;
	}

	/**
	 * Entries in {@code tenant}'s change log, which the indexer appends behind the
	 * stream.
	 */
	long changeLogLength(Tenant tenant) {
		return this.connection.sync().xlen(this.keys.changeLog(tenant.id()));
	}

	/** XINFO answers flat lists of alternating names and values. */
	private static Map<String, Object> fields(List<?> reply) {
		Map<String, Object> fields = new java.util.HashMap<>();
		for (int i = 0; i + 1 < reply.size(); i += 2) {
			fields.put(String.valueOf(reply.get(i)), reply.get(i + 1));
		}
		return fields;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
		this.clients.destroy();
	}

}
