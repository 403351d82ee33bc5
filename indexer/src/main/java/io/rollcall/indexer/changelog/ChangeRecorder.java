package io.rollcall.indexer.changelog;

import io.rollcall.indexer.changelog.ComplianceStatuses.Update;
import io.rollcall.indexer.progress.Rollup;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ComplianceMove;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.change.ProgressSnapshot;
import java.time.Clock;
import java.time.Instant;
import io.rollcall.schema.event.InteractionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns what a run of entries changed into change log entries and appends them, once the
 * run is searchable and before it is announced or acknowledged: a crash before the append
 * re-delivers the entries, and the re-delivery logs what the first delivery wrote (see
 * {@link StoredRevisions}). The log is therefore complete and in order, with duplicates
 * possible only around such a crash.
 *
 * <p>
 * Per run and tenant, in this order: the events as stored, each touched rep's rollup
 * (with its compliance status when the program has a catalog entry), the compliance moves
 * those rollups made, the moves a new catalog entry made, and removals.
 */
@Component
public class ChangeRecorder {

	private final RedisChangeLog log;

	private final ComplianceStatuses statuses;

	private final Catalogs catalogs;

	private final ProgramSweep sweep;

	private final StoredRevisions revisions;

	private final ChangeLogProperties properties;

	private final Clock clock = Clock.systemUTC();

	ChangeRecorder(RedisChangeLog log, ComplianceStatuses statuses, Catalogs catalogs, ProgramSweep sweep,
			StoredRevisions revisions, ChangeLogProperties properties) {
		this.log = log;
		this.statuses = statuses;
		this.catalogs = catalogs;
		this.sweep = sweep;
		this.revisions = revisions;
		this.properties = properties;
	}

	/**
	 * Logs {@code changes}; history loads ({@code backfill}) only when configured to.
	 * @throws io.rollcall.platform.UnavailableException or a Redis failure: nothing is
	 * acknowledged, and the re-delivery logs it all
	 */
	public void record(TenantChanges changes, boolean backfill) {
		if (backfill && !properties.includeBackfill()) {
			return;
		}
		String tenantId = changes.tenantId();
		Instant now = clock.instant();
		List<InteractionEvent> logged = new ArrayList<>(changes.applied());
		logged.addAll(revisions.storedAsIs(tenantId, changes.reapplied()));
		List<Change> entries = new ArrayList<>();
		logged.forEach(event -> entries.add(Change.eventApplied(event, now)));
		// A rep's rollup is logged when an event of it was: a duplicate changes nothing.
		Set<String> touched = new HashSet<>();
		logged.forEach(event -> touched.add(event.programId() + '/' + event.contactId()));
		List<Rollup> rollups = changes.rollups()
			.stream()
			.filter(rollup -> touched.contains(rollup.programId() + '/' + rollup.contactId()))
			.toList();
		Set<String> programs = new LinkedHashSet<>(changes.catalogChanged());
		rollups.forEach(rollup -> programs.add(rollup.programId()));
		Map<String, Catalog> catalogOf = catalogs.of(tenantId, programs);
		entries.addAll(progress(tenantId, rollups, changes.generation(), catalogOf, now));
		for (String programId : changes.catalogChanged()) {
			Catalog catalog = catalogOf.get(programId);
			if (catalog != null) {
				entries.addAll(moves(tenantId, programId, sweep.judge(tenantId, catalog, now, null), now));
			}
		}
		changes.removed().forEach(contactId -> entries.add(Change.contactRemoved(contactId, now)));
		log.append(tenantId, entries, changes.upsertedContacts());
	}

	/**
	 * Moves the non-compliant reps of a program whose due date has passed to OVERDUE, and
	 * logs the moves.
	 */
	void overdue(String tenantId, Catalog catalog) {
		Instant now = clock.instant();
		List<Update> updates = sweep.judge(tenantId, catalog, now, ComplianceStatus.NON_COMPLIANT);
		log.append(tenantId, moves(tenantId, catalog.programId(), updates, now), List.of());
	}

	/**
	 * The snapshots of {@code rollups}, then the compliance moves they made, program by
	 * program.
	 */
	private List<Change> progress(String tenantId, List<Rollup> rollups, long generation,
			Map<String, Catalog> catalogOf, Instant now) {
		List<Change> snapshots = new ArrayList<>();
		Map<String, List<Update>> updates = new LinkedHashMap<>();
		for (Rollup rollup : rollups) {
			Catalog catalog = catalogOf.get(rollup.programId());
			ComplianceStatus status = catalog == null ? null : catalog.status(rollup.lessonsCompleted(), now);
			snapshots.add(Change.progressChanged(rollup.contactId(), rollup.programId(), new ProgressSnapshot(
					rollup.lessonsCompleted().size(), rollup.lastActivityAt(), rollup.quizAccuracy(), status), now));
			if (status != null) {
				updates.computeIfAbsent(rollup.programId(), program -> new ArrayList<>())
					.add(new Update(rollup.contactId(), status, generation, null));
			}
		}
		updates
			.forEach((programId, programUpdates) -> snapshots.addAll(moves(tenantId, programId, programUpdates, now)));
		return snapshots;
	}

	private List<Change> moves(String tenantId, String programId, List<Update> updates, Instant now) {
		Map<String, ComplianceMove> moves = statuses.move(tenantId, programId, updates);
		List<Change> changes = new ArrayList<>(moves.size());
		moves.forEach((contactId, move) -> changes.add(Change.complianceChanged(contactId, programId, move, now)));
		return changes;
	}

}
