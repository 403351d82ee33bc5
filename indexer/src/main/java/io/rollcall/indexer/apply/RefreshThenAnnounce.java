package io.rollcall.indexer.apply;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rollcall.indexer.bulk.Refresher;
import io.rollcall.indexer.changelog.ChangeRecorder;
import io.rollcall.indexer.notice.Notices;
import io.rollcall.indexer.progress.ProgressRollups;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.EntryKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Refresh the events index, take each tenant's generation, recompute the touched rollups,
 * refresh progress, contacts and programs, and only then log and announce, so that
 * whatever the change log records and a notice announces is already searchable.
 */
@Component
class RefreshThenAnnounce implements Visibility {

	private final Refresher refresher;

	private final ProgressRollups rollups;

	private final Notices notices;

	private final IndexNames names;

	private final ChangeRecorder changeLog;

	private final MeterRegistry registry;

	private final Clock clock = Clock.systemUTC();

	RefreshThenAnnounce(Refresher refresher, ProgressRollups rollups, Notices notices, ChangeRecorder changeLog,
			IndexNames names, MeterRegistry registry) {
		this.refresher = refresher;
		this.rollups = rollups;
		this.notices = notices;
		this.changeLog = changeLog;
		this.names = names;
		this.registry = registry;
	}

	@Override
	public Set<String> makeSearchable(Changes changes) {
		Set<String> failed = new HashSet<>();
		if (changes.hasEvents()) {
			refresher.refresh(names.events());
			changes.forEach((tenantId, change) -> {
				if (change.contactsByProgram.isEmpty()) {
					return;
				}
				try {
					long generation = notices.nextGeneration(tenantId);
					changes.rollups(tenantId, generation,
							rollups.recompute(tenantId, generation, change.contactsByProgram));
				}
				catch (UnavailableException e) {
					failed.add(tenantId);
				}
			});
		}
		refresher.refresh(names.progress(), names.contacts(), names.programs());
		return failed;
	}

	/**
	 * {@inheritDoc} The change log is appended first: a subscriber woken by the change
	 * notice finds the changes in it. The generation in the change notice is bumped after
	 * the last refresh: an api cache entry keyed by it can only hold data read after this
	 * batch became visible (the bump taken for the rollups came before the progress
	 * refresh). It is bumped before the applied notices go out, so a client whose write
	 * returned reads that generation or a later one, never one whose cache entries may
	 * predate its write. Entries read from the backfill stream are left out of the
	 * accept-to-visible lag: they waited behind live ingest and the rate cap on purpose.
	 */
	@Override
	public void announce(List<EntryOutcome> outcomes, Changes changes) {
		changes.forEach((tenantId, change) -> changeLog.record(change.toLog(tenantId), changes.backfill()));
		Map<String, Long> generations = new TreeMap<>();
		changes.tenants().forEach(tenantId -> generations.put(tenantId, notices.nextGeneration(tenantId)));
		Instant now = clock.instant();
		for (EntryOutcome outcome : outcomes) {
			DecodedEntry entry = outcome.entry();
			if (outcome.applied() && !entry.backfill()) {
				lag(entry.header().kind()).record(Duration.between(entry.header().acceptedAt(), now));
			}
			if (entry.header().ticket() != null) {
				notices.applied(new AppliedNotice(entry.header().ticket(), outcome.applied(), outcome.items(),
						outcome.reason()));
			}
		}
		changes.forEach((tenantId, change) -> notices.changed(new ChangeNotice(tenantId, generations.get(tenantId),
				change.contactsByProgram.keySet(), change.contacts, change.removed)));
	}

	private Timer lag(EntryKind kind) {
		return Timer.builder("rollcall.indexer.visible.lag")
			.description("From the api accepting a write to the write being searchable")
			.tag("kind", kind.name().toLowerCase(Locale.ROOT))
			.publishPercentileHistogram()
			.register(registry);
	}

}
