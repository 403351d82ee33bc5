package io.rollcall.indexer.notice;

import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes notices and bumps the tenants' write generations. Callers publish only after
 * what the notice announces is searchable (refreshed), so a subscriber that queries on
 * receipt sees it.
 */
@Component
public class Notices {

	private final StatefulRedisConnection<String, String> connection;

	private final IngestKeys keys;

	private final JsonMapper json;

	public Notices(StatefulRedisConnection<String, String> connection, IngestKeys keys, JsonMapper json) {
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
		return connection.sync().incr(keys.generation(tenantId));
	}

	public void applied(AppliedNotice notice) {
		connection.sync().publish(keys.appliedChannel(), json.writeValueAsString(notice));
	}

	public void changed(ChangeNotice notice) {
		connection.sync().publish(keys.changesChannel(), json.writeValueAsString(notice));
	}

}
