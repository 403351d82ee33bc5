package io.rollcall.api.ingest;

import io.lettuce.core.RedisException;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's write generation, the counter the indexer bumps after each applied
 * batch once it is searchable and before it tells the writer (see {@code Notices} and
 * {@code BatchApplier} in the indexer). It lives here because Redis is reached only
 * through {@code ingest/} (one connection, the short command timeout, commands rejected
 * at once while Redis is down).
 */
@Component
public class TenantGenerations {

	private final IngestRedis redis;

	TenantGenerations(IngestRedis redis) {
		this.redis = redis;
	}

	/**
	 * The tenant's current generation, or empty when Redis does not answer within the
	 * command timeout: callers then read without their cache, correctness over speed.
	 */
	public OptionalLong current(String tenantId) {
		try {
			return OptionalLong.of(redis.generation(tenantId));
		}
		catch (RedisException | NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

}
