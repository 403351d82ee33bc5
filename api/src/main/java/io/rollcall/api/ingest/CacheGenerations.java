package io.rollcall.api.ingest;

import io.rollcall.api.admission.Generations;
import io.rollcall.platform.UnavailableException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's cache generations outside a GraphQL request's admission (which reads
 * them in the rate limiter's round trip): for the ETag of a {@code GET /graphql}, checked
 * before anything runs. The indexer bumps them once what changed is searchable and before
 * it tells the writer (see {@code cache.DashboardCache}). It lives here because Redis is
 * reached only through {@code ingest/} (one connection, the short command timeout,
 * commands rejected at once while Redis is down).
 */
@Component
public class CacheGenerations {

	private final IngestRedis redis;

	CacheGenerations(IngestRedis redis) {
		this.redis = redis;
	}

	/**
	 * The tenant's current cache generations, or empty when Redis does not answer within
	 * the command timeout: callers then go without, correctness over speed.
	 */
	public Optional<Generations> current(String tenantId) {
		try {
			return Optional.of(Generations.parse(redis.cacheGenerations(tenantId)));
		}
		catch (UnavailableException e) {
			return Optional.empty();
		}
	}

}
