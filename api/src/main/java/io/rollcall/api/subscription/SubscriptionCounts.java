package io.rollcall.api.subscription;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the open subscriptions of each WebSocket connection and each tenant on this
 * instance, and refuses one over a limit.
 */
final class SubscriptionCounts {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionCounts.class);

	private final SubscriptionLimitsProperties limits;

	/** Guarded by this. */
	private final Map<String, Integer> byConnection = new HashMap<>();

	/** Guarded by this. */
	private final Map<String, Integer> byTenant = new HashMap<>();

	SubscriptionCounts(SubscriptionLimitsProperties limits) {
		this.limits = limits;
	}

	/**
	 * Counts one more subscription of {@code connectionId} for {@code tenantId}; release
	 * it with {@link #close}.
	 * @throws SubscriptionLimitException when it is over a limit (unless warn-only)
	 */
	synchronized void open(String connectionId, String tenantId) {
		int onConnection = byConnection.getOrDefault(connectionId, 0);
		int ofTenant = byTenant.getOrDefault(tenantId, 0);
		if (onConnection >= limits.maxPerConnection()) {
			refuse(SubscriptionLimitException.perConnection(limits.maxPerConnection()), tenantId);
		}
		if (ofTenant >= limits.maxPerTenant()) {
			refuse(SubscriptionLimitException.perTenant(limits.maxPerTenant()), tenantId);
		}
		byConnection.put(connectionId, onConnection + 1);
		byTenant.put(tenantId, ofTenant + 1);
	}

	synchronized void close(String connectionId, String tenantId) {
		byConnection.computeIfPresent(connectionId, (id, count) -> count == 1 ? null : count - 1);
		byTenant.computeIfPresent(tenantId, (id, count) -> count == 1 ? null : count - 1);
	}

	private void refuse(SubscriptionLimitException over, String tenantId) {
		if (!limits.warnOnly()) {
			throw over;
		}
		log.warn("warn-only: tenant {}: {} {}", tenantId, over.code(), over.getMessage());
	}

}
