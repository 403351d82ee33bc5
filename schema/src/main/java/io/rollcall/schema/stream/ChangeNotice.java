package io.rollcall.schema.stream;

import java.util.Set;

/**
 * Published on {@link IngestKeys#changesChannel()} after each applied batch, once per
 * tenant: what changed, and the tenant's new write generation (caches key on it).
 */
public record ChangeNotice(String tenantId, long generation, Set<String> programIds, Set<String> contactIds,
		Set<String> removedContactIds) {

	public ChangeNotice {
		programIds = Set.copyOf(programIds);
		contactIds = Set.copyOf(contactIds);
		removedContactIds = Set.copyOf(removedContactIds);
	}
}
