package io.rollcall.indexer.backfill;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.event.EventContract;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.json.BatchDecoder;
import io.rollcall.schema.json.BatchFormat;
import io.rollcall.schema.json.DecodedBatch;
import io.rollcall.schema.json.Identifiers;
import io.rollcall.schema.json.Violation;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.IngestKeys;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a file of history into the backfill stream: one event per line (NDJSON), each
 * line validated with the same {@link EventContract} as live writes. Invalid lines are
 * counted and listed with their line number and field, never enqueued; valid ones are
 * written in chunks of {@code chunk-size} events, one backfill stream entry per chunk.
 *
 * <p>
 * Each chunk is committed atomically with the load's progress (XADD, counters, last line
 * done: one Lua script over keys of one Redis Cluster slot, see {@link IngestKeys}), so a
 * load that crashes or stalls resumes exactly after its last committed chunk when run
 * again with the same id: nothing is enqueued twice (and if it were, event-id idempotency
 * would make it harmless). The loader waits while the backfill stream holds
 * {@code queue-limit} entries the indexer has not applied: back-pressure instead of a
 * multi-gigabyte stream.
 */
final class BackfillLoader {

	private static final Logger log = LoggerFactory.getLogger(BackfillLoader.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final int LOG_EVERY_CHUNKS = 100;

	/**
	 * Commits a chunk. KEYS: the backfill stream, the load's progress hash, its error
	 * list; ARGV: the chunk's valid events (0: nothing to enqueue), its invalid lines,
	 * the last line done, now, the number of error descriptions to list, those
	 * descriptions, then the stream entry's fields and values.
	 */
	private static final String COMMIT = """
			local events = tonumber(ARGV[1])
			local listed = tonumber(ARGV[5])
			local entry = 6 + listed
			if events > 0 then
			  redis.call('XADD', KEYS[1], '*', unpack(ARGV, entry))
			  redis.call('HINCRBY', KEYS[2], '%1$s', events)
			end
			if tonumber(ARGV[2]) > 0 then
			  redis.call('HINCRBY', KEYS[2], '%2$s', ARGV[2])
			end
			for first = 6, entry - 1, 1000 do
			  redis.call('RPUSH', KEYS[3], unpack(ARGV, first, math.min(first + 999, entry - 1)))
			end
			redis.call('HSET', KEYS[2], '%3$s', ARGV[3], '%4$s', ARGV[4])
			return events
			""".formatted(BackfillStatus.ENQUEUED, BackfillStatus.ERRORS, BackfillStatus.LAST_LINE,
			BackfillStatus.UPDATED_AT);

	private final RedisConnector client;

	private final IngestKeys keys;

	private final BatchDecoder<InteractionEvent> decoder;

	private final BackfillProperties.Load properties;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	BackfillLoader(RedisConnector client, IngestKeys keys, Validator validator, BackfillProperties.Load properties,
			Clock clock) {
		this.client = client;
		this.keys = keys;
		this.decoder = EventContract.decoder(validator, clock);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Loads {@code file} as backfill {@code id} of {@code tenantId}, resuming after the
	 * last line a previous run with the same id committed.
	 * @throws BackfillStalledException when no indexer drains the backfill stream for
	 * {@code queue-wait}
	 * @throws IllegalArgumentException when the id or tenant is invalid, or the id
	 * belongs to another tenant
	 */
	BackfillReport load(Path file, String id, String tenantId) {
		if (!Identifiers.isValid(id) || !Identifiers.isValid(tenantId)) {
			throw new IllegalArgumentException("backfill id and tenant: " + Identifiers.MESSAGE);
		}
		long total = countLines(file);
		try (RedisConnection<String, String> connection = client.connect();
				BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			RedisClusterCommands<String, String> redis = connection.sync();
			Load load = new Load(redis, id, tenantId);
			Map<String, String> state = redis.hgetall(load.key);
			if (!state.isEmpty() && !tenantId.equals(state.get(BackfillStatus.TENANT))) {
				throw new IllegalArgumentException("backfill " + id + " is a load of tenant "
						+ state.get(BackfillStatus.TENANT) + ", not " + tenantId);
			}
			long resumeAfter = BackfillStatus.from(id, state).lastLine();
			String now = clock.instant().toString();
			redis.hsetnx(load.key, BackfillStatus.STARTED_AT, now);
			redis.hset(load.key,
					Map.of(BackfillStatus.TENANT, tenantId, BackfillStatus.FILE, file.toAbsolutePath().toString(),
							BackfillStatus.TOTAL, Long.toString(total), BackfillStatus.UPDATED_AT, now));
			load.listed = redis.llen(keys.backfillErrors(id));
			if (resumeAfter > 0) {
				log.info("Backfill {}: resuming after line {}", id, resumeAfter);
			}
			long lineNumber = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				if (lineNumber <= resumeAfter || line.isBlank()) {
					continue;
				}
				load.add(lineNumber, line);
			}
			load.commit(Math.max(lineNumber, resumeAfter));
			redis.hset(load.key, BackfillStatus.LOADED_AT, clock.instant().toString());
			BackfillStatus status = BackfillStatus.from(id, redis.hgetall(load.key));
			log.info("Backfill {}: all {} lines read; {} events enqueued, {} invalid lines", id, total,
					status.enqueued(), status.errors());
			return new BackfillReport(resumeAfter, status, load.errors);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	private static long countLines(Path file) {
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.filter(line -> !line.isBlank()).count();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	/** One run of a load: the chunk being filled and what this run found. */
	private final class Load {

		final RedisClusterCommands<String, String> redis;

		final String id;

		final String tenantId;

		final String key;

		final List<LineError> errors = new ArrayList<>();

		List<String> events = new ArrayList<>();

		List<LineError> chunkErrors = new ArrayList<>();

		long chunkInvalidLines;

		long lastCommittedLine;

		long listed;

		int chunks;

		Load(RedisClusterCommands<String, String> redis, String id, String tenantId) {
			this.redis = redis;
			this.id = id;
			this.tenantId = tenantId;
			this.key = keys.backfillProgress(id);
		}

		void add(long lineNumber, String line) {
			DecodedBatch<InteractionEvent> decoded = decoder.decode(line.getBytes(StandardCharsets.UTF_8),
					BatchFormat.NDJSON, 1);
			if (decoded.isValid()) {
				events.add(line.strip());
				if (events.size() >= properties.chunkSize()) {
					commit(lineNumber);
				}
				return;
			}
			chunkInvalidLines++;
			for (Violation violation : decoded.violations()) {
				chunkErrors
					.add(new LineError(lineNumber, violation.field(), violation.message().replace(" on line 1:", ":")));
			}
		}

		/**
		 * Enqueues the chunk and records progress up to {@code lastLine}, atomically.
		 */
		void commit(long lastLine) {
			if (lastLine == lastCommittedLine && events.isEmpty() && chunkInvalidLines == 0) {
				return;
			}
			if (!events.isEmpty()) {
				awaitRoom(redis, lastCommittedLine);
			}
			List<String> toList = chunkErrors.stream()
				.limit(Math.max(0, properties.maxListedErrors() - listed))
				.map(json::writeValueAsString)
				.toList();
			List<String> arguments = new ArrayList<>(
					List.of(Integer.toString(events.size()), Long.toString(chunkInvalidLines), Long.toString(lastLine),
							clock.instant().toString(), Integer.toString(toList.size())));
			arguments.addAll(toList);
			if (!events.isEmpty()) {
				Map<String, String> fields = new LinkedHashMap<>(new StreamEntry(EntryKind.EVENTS, tenantId, null,
						clock.instant(), events.size(), "[" + String.join(",", events) + "]", null)
					.toFields());
				fields.put(BackfillProgress.ENTRY_FIELD, id);
				fields.forEach((field, value) -> {
					arguments.add(field);
					arguments.add(value);
				});
			}
			redis.eval(COMMIT, ScriptOutputType.INTEGER,
					new String[] { keys.backfillStream(), key, keys.backfillErrors(id) },
					arguments.toArray(String[]::new));
			listed += toList.size();
			chunkErrors.forEach(error -> log.warn("Backfill {}: invalid {}", id, error));
			errors.addAll(chunkErrors);
			lastCommittedLine = lastLine;
			events = new ArrayList<>();
			chunkErrors = new ArrayList<>();
			chunkInvalidLines = 0;
			if (++chunks % LOG_EVERY_CHUNKS == 0) {
				log.info("Backfill {}: enqueued up to line {}", id, lastLine);
			}
		}

		private void awaitRoom(RedisClusterCommands<String, String> redis, long resumePoint) {
			long deadline = System.nanoTime() + properties.queueWait().toNanos();
			while (redis.xlen(keys.backfillStream()) >= properties.queueLimit()) {
				if (System.nanoTime() - deadline > 0) {
					throw new BackfillStalledException("backfill " + id + " stopped after line " + resumePoint
							+ ": the backfill stream held " + properties.queueLimit() + " unapplied entries for "
							+ properties.queueWait() + " (is an indexer running?); run it again to resume");
				}
				try {
					Thread.sleep(POLL);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new BackfillStalledException("backfill " + id + " interrupted after line " + resumePoint);
				}
			}
		}

	}

}
