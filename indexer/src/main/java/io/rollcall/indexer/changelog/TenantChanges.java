package io.rollcall.indexer.changelog;

import io.rollcall.indexer.progress.Rollup;
import io.rollcall.schema.event.InteractionEvent;
import java.util.List;
import java.util.Set;

/**
 * What one run of entries changed for one tenant, as the change log needs it.
 *
 * @param tenantId the tenant
 * @param applied events stored by this run (new, or a correction with a higher revision)
 * @param reapplied events of a re-delivered entry that were already stored: logged if the
 * stored revision is theirs (the delivery before may have stopped before logging them)
 * @param rollups the rollups recomputed for the run, under {@code generation}
 * @param generation the generation the rollups were written with
 * @param catalogChanged programs whose catalog entry the run wrote
 * @param upsertedContacts contacts the run wrote (a newer version lifts a removal)
 * @param removed contacts the run removed
 */
public record TenantChanges(String tenantId, List<InteractionEvent> applied, List<InteractionEvent> reapplied,
		List<Rollup> rollups, long generation, Set<String> catalogChanged, Set<String> upsertedContacts,
		Set<String> removed) {
}
