package io.rollcall.indexer.backfill;

import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The indexer's side of backfill progress: acknowledging applied backfill entries and
 * counting their events into the load's hash, and reading a load's status.
 */
@Component
public class BackfillProgress {

	/**
	 * The stream entry field naming the backfill an entry belongs to (next to the
	 * {@code StreamEntry} fields).
	 */
	public static final String ENTRY_FIELD = "backfill";

	/**
	 * Acknowledges, deletes and counts entries in one step, for each entry only if this
	 * XACK is the one that acknowledged it: a re-delivered entry (claimed from a replica
	 * that crashed after applying it) is not counted twice. Deleting acknowledged entries
	 * keeps the backfill stream as long as the work left, which is what the loader's
	 * back-pressure measures. KEYS: the stream, then the progress hashes; ARGV: group,
	 * now, then (entry id, index of its hash in KEYS or 0, events) per entry.
	 */
	private static final String ACKNOWLEDGE = """
			local applied = 0
			for i = 3, #ARGV, 3 do
			  if redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) == 1 then
			    redis.call('XDEL', KEYS[1], ARGV[i])
			    local key = tonumber(ARGV[i + 1])
			    if key > 0 then
			      redis.call('HINCRBY', KEYS[key], 'applied', ARGV[i + 2])
			      redis.call('HSET', KEYS[key], 'updated_at', ARGV[2])
			    end
			    applied = applied + tonumber(ARGV[i + 2])
			  end
			end
			return applied
			""";

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final Counter applied;

	private final Clock clock = Clock.systemUTC();

	public BackfillProgress(RedisConnection<String, String> connection, IngestKeys keys, MeterRegistry registry) {
		this.connection = connection;
		this.keys = keys;
		this.applied = Counter.builder("rollcall.indexer.backfill.events")
			.description("Backfill events applied (its rate is the backfill throughput)")
			.register(registry);
	}

	/**
	 * One applied entry of the backfill stream.
	 *
	 * @param entryId its stream id
	 * @param backfillId the load it belongs to, or {@code null} for an entry written by
	 * other means
	 * @param events the events it carries
	 */
	public record AppliedEntry(String entryId, String backfillId, int events) {
	}

	/**
	 * Acknowledges {@code entries} on {@code stream} for {@code group}; returns the
	 * events newly counted.
	 */
	public long acknowledge(String stream, String group, List<AppliedEntry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		List<String> scriptKeys = new ArrayList<>(List.of(stream));
		Map<String, Integer> hashIndex = new LinkedHashMap<>();
		List<String> args = new ArrayList<>(List.of(group, clock.instant().toString()));
		for (AppliedEntry entry : entries) {
			int index = 0;
			if (entry.backfillId() != null) {
				index = hashIndex.computeIfAbsent(keys.backfillProgress(entry.backfillId()), key -> {
					scriptKeys.add(key);
					return scriptKeys.size();
				});
			}
			args.add(entry.entryId());
			args.add(Integer.toString(index));
			args.add(Integer.toString(entry.events()));
		}
		Long counted = connection.sync()
			.eval(ACKNOWLEDGE, ScriptOutputType.INTEGER, scriptKeys.toArray(String[]::new),
					args.toArray(String[]::new));
		long events = counted == null ? 0 : counted;
		applied.increment(events);
		return events;
	}

	/** The status of backfill {@code id}, if it was ever started. */
	public Optional<BackfillStatus> status(String id) {
		Map<String, String> hash = connection.sync().hgetall(keys.backfillProgress(id));
		return hash.isEmpty() ? Optional.empty() : Optional.of(BackfillStatus.from(id, hash));
	}

}
