package io.rollcall.api.dashboard.summary;

import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.catalog.CatalogQuery;
import io.rollcall.api.dashboard.catalog.ProgramRow;
import io.rollcall.api.dashboard.live.LiveTiles;
import io.rollcall.api.isolation.Beside;
import io.rollcall.api.security.Scopes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The {@code programSummary} query, for the caller's tenant (the tenant comes from the
 * token, never from arguments); a manager's summary counts its teams' reps only.
 */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class ProgramSummaryService {

	private final ProgramSummaryQuery query;

	private final CatalogQuery catalog;

	private final DashboardReads reads;

	private final LiveTiles tiles;

	ProgramSummaryService(ProgramSummaryQuery query, CatalogQuery catalog, DashboardReads reads, LiveTiles tiles) {
		this.query = query;
		this.catalog = catalog;
		this.reads = reads;
		this.tiles = tiles;
	}

	/**
	 * Totals and per-lesson reach of a program. An unknown program has zero counts, not
	 * an error: a dashboard may be opened before the first event arrives.
	 */
	public ProgramSummary programSummary(String programId) {
		Arguments.id("programId", programId);
		return reads.cached("programSummary", Dependency.program(programId), null, List.of(programId), scope -> {
			// The catalog and the aggregation do not depend on each other: sent together,
			// the answer waits for the slower search, not for both.
			CompletableFuture<List<String>> lessons = Beside.start("catalog",
					() -> catalog.program(scope, programId).map(ProgramRow::lessonIds).orElse(List.of()));
			ProgramProgress progress = query.progress(scope, programId);
			return summarize(programId, progress, Beside.join(lessons));
		});
	}

	/**
	 * The program's summary now, then again whenever it changes (a live tile, see
	 * {@link LiveTiles}).
	 */
	public Flux<ProgramSummary> programSummaryChanged(String programId) {
		Arguments.id("programId", programId);
		return tiles.watch("programSummary", programId, List.of(programId), summary -> summary,
				() -> programSummary(programId));
	}

	/**
	 * Lessons in catalog order first (every catalog lesson, with zeros until reps reach
	 * it), then any other lesson a rep started or completed, in lesson id order.
	 */
	static ProgramSummary summarize(String programId, ProgramProgress progress, List<String> catalog) {
		TreeSet<String> seen = new TreeSet<>(progress.startedReps().keySet());
		seen.addAll(progress.completedReps().keySet());
		LinkedHashSet<String> lessonIds = new LinkedHashSet<>(catalog);
		lessonIds.addAll(seen);
		List<LessonReach> lessons = lessonIds.stream()
			.map(lesson -> new LessonReach(lesson, progress.startedReps().getOrDefault(lesson, 0L),
					progress.completedReps().getOrDefault(lesson, 0L)))
			.toList();
		Double accuracy = progress.quizAnswered() == 0 ? null
				: (double) progress.quizCorrect() / progress.quizAnswered();
		return new ProgramSummary(programId, progress.events(), progress.reps(), accuracy, lessons);
	}

}
