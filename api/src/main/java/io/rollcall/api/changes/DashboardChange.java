package io.rollcall.api.changes;

import java.util.List;

/**
 * GraphQL {@code DashboardChange} (deprecated with {@code dashboardChanges}): what one
 * applied batch changed in the caller's tenant. Ids are sorted, so equal changes look
 * equal.
 *
 * @param generation the tenant's write generation after the batch
 * @param programIds programs with new or corrected events
 * @param contactIds contacts upserted, or with new events
 * @param removedContactIds contacts removed, with their events
 */
record DashboardChange(long generation, List<String> programIds, List<String> contactIds,
		List<String> removedContactIds) {
}
