package io.rollcall.indexer.notice;

import io.lettuce.core.ScriptOutputType;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes notices and bumps the tenants' write generations. Callers publish only after
 * what the notice announces is searchable (refreshed), so a subscriber that queries on
 * receipt sees it.
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
		Instant now = clock.instant();
		long floor = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
		Long next = connection.sync()
			.eval(NEXT_GENERATION, ScriptOutputType.INTEGER, new String[] { keys.generation(tenantId) },
					Long.toString(floor));
		return next;
	}

	public void applied(AppliedNotice notice) {
		connection.sync().publish(keys.appliedChannel(), json.writeValueAsString(notice));
	}

	public void changed(ChangeNotice notice) {
		connection.sync().publish(keys.changesChannel(), json.writeValueAsString(notice));
	}

}
