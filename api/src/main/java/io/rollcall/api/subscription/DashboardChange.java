package io.rollcall.api.subscription;

import java.util.List;

/**
 * GraphQL {@code DashboardChange}: what one applied batch changed in the caller's tenant.
 * Ids are sorted, so equal changes look equal.
 *
 * @param generation the tenant's write generation after the batch; a client that sees a
 * gap knows it missed a change and refetches
 * @param programIds programs with new or corrected events
 * @param contactIds contacts upserted, or with new events
 * @param removedContactIds contacts removed, with their events
 */
record DashboardChange(long generation, List<String> programIds, List<String> contactIds,
		List<String> removedContactIds) {
}
