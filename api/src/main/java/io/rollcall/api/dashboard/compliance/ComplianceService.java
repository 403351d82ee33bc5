package io.rollcall.api.dashboard.compliance;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.catalog.CatalogQuery;
import io.rollcall.api.dashboard.catalog.ProgramRow;
import io.rollcall.api.dashboard.live.LiveTiles;
import io.rollcall.api.dashboard.reps.Connection;
import io.rollcall.api.dashboard.reps.Cursors;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.security.Scopes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Compliance with a program's required lessons: the catalog's, else the lessons seen in
 * its events (tenant-wide). Without any required lesson nothing can be judged, and every
 * count is 0. The counts are cached; the non-compliant reps' pages are read fresh.
 */
@Service
class ComplianceService {

	private static final String NON_COMPLIANT_ORDER = "NON_COMPLIANT:CONTACT_ID:ASC";

	private final ComplianceQuery query;

	private final CatalogQuery catalog;

	private final DashboardReads reads;

	private final Clock clock;

	private final LiveTiles tiles;

	ComplianceService(ComplianceQuery query, CatalogQuery catalog, DashboardReads reads, Clock clock, LiveTiles tiles) {
		this.query = query;
		this.catalog = catalog;
		this.reads = reads;
		this.clock = clock;
		this.tiles = tiles;
	}

	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public ComplianceReport compliance(String programId, Instant dueBy, String teamId) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		ComplianceReport counts = reads.cached("compliance", Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, dueBy, teamId), scope -> counts(scope, programId, dueBy));
		// Overdue depends on the time of the request, not only on the data: never cached.
		long overdue = counts.dueBy() != null && clock.instant().isAfter(counts.dueBy()) ? counts.nonCompliant() : 0;
		return new ComplianceReport(counts.programId(), counts.requiredLessons(), counts.dueBy(), counts.compliant(),
				counts.nonCompliant(), overdue, counts.scope());
	}

	/**
	 * The program's compliance now (due by the catalog's date), then again whenever its
	 * counts change (a live tile, see {@link LiveTiles}). Its {@code nonCompliantReps}
	 * are read for each subscriber, with each answer.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Flux<ComplianceReport> complianceChanged(String programId) {
		Arguments.id("programId", programId);
		return tiles.watch("compliance", programId, List.of(programId), ComplianceReport::counts,
				() -> compliance(programId, null, null));
	}

	/** The report's counts, overdue left at 0. */
	private ComplianceReport counts(SearchScope scope, String programId, Instant dueBy) {
		Optional<ProgramRow> entry = catalog.program(scope, programId);
		List<String> required = entry.map(ProgramRow::lessonIds).orElseGet(() -> query.lessonsSeen(scope, programId));
		Instant due = dueBy != null ? dueBy : entry.map(ProgramRow::dueDate).orElse(null);
		if (required.isEmpty()) {
			return new ComplianceReport(programId, required, due, 0, 0, 0, scope);
		}
		ComplianceCounts counts = query.counts(scope, programId, required);
		return new ComplianceReport(programId, required, due, counts.compliant(), counts.nonCompliant(), 0, scope);
	}

	/**
	 * The non-compliant reps of a report, a page at a time, by contact id. Not guarded
	 * again: it is reached only through a report of an authorized query.
	 */
	public Connection nonCompliantReps(ComplianceReport report, Integer first, String after) {
		int size = Arguments.first(first);
		List<FieldValue> from = Cursors.decode(NON_COMPLIANT_ORDER, after);
		if (report.requiredLessons().isEmpty()) {
			return Connection.EMPTY;
		}
		return Connection.of(
				query.nonCompliant(report.scope(), report.programId(), report.requiredLessons(), size, from),
				NON_COMPLIANT_ORDER, report.scope());
	}

}
