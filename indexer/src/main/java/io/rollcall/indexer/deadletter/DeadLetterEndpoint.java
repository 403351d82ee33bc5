package io.rollcall.indexer.deadletter;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.IngestKeys;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/deadletters?limit=N}: the newest dead letters first, for an
 * operator (the indexer's actuator binds to loopback; in Kubernetes, reach it with a
 * port-forward). Each shows where the item came from, why it was refused and its JSON, so
 * it can be fixed and sent again; the stream itself is left as it is.
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1_000;

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	DeadLetterEndpoint(RedisConnection<String, String> connection, IngestKeys keys) {
		this.connection = connection;
		this.keys = keys;
	}

	@ReadOperation
	public Listing list(@Nullable Integer limit) {
		int count = limit == null ? DEFAULT_LIMIT : Math.clamp(limit, 1, MAX_LIMIT);
		String stream = keys.deadLetterStream();
		List<StreamMessage<String, String>> newest = connection.sync()
			.xrevrange(stream, Range.create("-", "+"), Limit.from(count));
		return new Listing(stream, connection.sync().xlen(stream),
				newest.stream().map(message -> Letter.of(message.getId(), message.getBody())).toList());
	}

	/**
	 * The newest dead letters.
	 *
	 * @param stream the Redis stream they are kept in
	 * @param total how many it holds
	 * @param letters the newest first
	 */
	public record Listing(String stream, long total, List<Letter> letters) {
	}

	/**
	 * One dead letter as the stream holds it.
	 *
	 * @param id its id in the dead-letter stream (its time, in epoch milliseconds, first)
	 * @param tenant the tenant, or {@code unknown}
	 * @param entryId the ingest stream entry it came from
	 * @param kind the entry kind
	 * @param reason why it was refused
	 * @param item the item's JSON (or the whole entry body)
	 */
	public record Letter(String id, String tenant, String entryId, String kind, String reason, String item) {

		static Letter of(String id, Map<String, String> fields) {
			return new Letter(id, fields.get("tenant"), fields.get("entry_id"), fields.get("kind"),
					fields.get("reason"), fields.get("item"));
		}

	}

}
