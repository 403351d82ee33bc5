package io.rollcall.indexer.notice;

import io.lettuce.core.ScriptOutputType;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes notices and bumps the tenants' write generations and cache generations.
 * Callers publish only after what the notice announces is searchable (refreshed), so a
 * subscriber that queries on receipt sees it.
 */
@Component
public class Notices {

	/**
	 * INCR, raised to a floor when the counter is below it. Generations version the
	 * progress rollups ({@code external_gte}) and key the api's caches, so they must
	 * never go back: if Redis lost the counter (a restart without persistence, a failover
	 * to a lagging replica), a bare INCR would restart at 1, below every stored rollup
	 * version, and the rollups would silently stop updating. The floor is the current
	 * time in microseconds, above any generation handed out before the loss.
	 */
	private static final String NEXT_GENERATION = """
			local next = redis.call('INCR', KEYS[1])
			local floor = tonumber(ARGV[1])
			if next < floor then
			  redis.call('SET', KEYS[1], ARGV[1])
			  return floor
			end
			return next
			""";

	/**
	 * HINCRBY of each field in ARGV[2..], raised to the floor ARGV[1] as in
	 * {@link #NEXT_GENERATION} (a lost hash must not bring a field back to values the
	 * api's caches have keyed answers by).
	 */
	private static final String BUMP_CACHE_GENERATIONS = """
			local floor = tonumber(ARGV[1])
			for i = 2, #ARGV do
			  if redis.call('HINCRBY', KEYS[1], ARGV[i], 1) < floor then
			    redis.call('HSET', KEYS[1], ARGV[i], ARGV[1])
			  end
			end
			return #ARGV - 1
			""";

	private final Clock clock = Clock.systemUTC();

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final JsonMapper json;

	public Notices(RedisConnection<String, String> connection, IngestKeys keys, JsonMapper json) {
		this.connection = connection;
		this.keys = keys;
		this.json = json;
	}

	/**
	 * Bumps {@code tenantId}'s write generation and returns the new value. The counter
	 * only grows, for every replica alike, which is what makes it usable both as a cache
	 * key by the api and as the external version of progress rollups (see
	 * {@code ProgressRollups}).
	 */
	public long nextGeneration(String tenantId) {
		Long next = connection.sync()
			.eval(NEXT_GENERATION, ScriptOutputType.INTEGER, new String[] { keys.generation(tenantId) }, floor());
		return next;
	}

	/**
	 * Bumps {@code fields} of {@code tenantId}'s cache generations (see
	 * {@link io.rollcall.schema.stream.GenerationFields}), in one script. Callers bump
	 * only once what the fields stand for is searchable, and before they tell any writer
	 * it is: an api that reads a field's value keys by it only answers computed after
	 * that read.
	 */
	public void bumpCacheGenerations(String tenantId, Collection<String> fields) {
		if (fields.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>();
		arguments.add(floor());
		arguments.addAll(fields);
		connection.sync()
			.eval(BUMP_CACHE_GENERATIONS, ScriptOutputType.INTEGER, new String[] { keys.cacheGenerations(tenantId) },
					arguments.toArray(String[]::new));
	}

	/** The current time in microseconds: above any generation handed out before. */
	private String floor() {
		Instant now = clock.instant();
		return Long.toString(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
	}

	public void applied(AppliedNotice notice) {
		connection.sync().publish(keys.appliedChannel(), json.writeValueAsString(notice));
	}

	public void changed(ChangeNotice notice) {
		connection.sync().publish(keys.changesChannel(), json.writeValueAsString(notice));
	}

}
