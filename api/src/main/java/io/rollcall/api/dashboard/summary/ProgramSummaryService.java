package io.rollcall.api.dashboard;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.isolation.Beside;
import io.rollcall.api.search.ProgramProgress;
import io.rollcall.api.search.ProgramRow;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.json.Identifiers;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Dashboard answers for the caller's tenant (the tenant comes from the token, never from
 * arguments).
 */
@Service
class DashboardService {

	private final TenantScopedSearch search;

	private final Callers callers;

	private final DashboardCache cache;

	DashboardService(TenantScopedSearch search, Callers callers, DashboardCache cache) {
		this.search = search;
		this.callers = callers;
		this.cache = cache;
	}

	/**
	 * Totals and per-lesson reach of a program. An unknown program has zero counts, not
	 * an error: a dashboard may be opened before the first event arrives.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public ProgramSummary programSummary(String programId) {
		if (!Identifiers.isValid(programId)) {
			throw new InvalidArgumentException("programId", Identifiers.MESSAGE);
		}
		// A manager's summary counts its teams' reps only (the scope filters every
		// count).
		Caller caller = callers.current();
		return cache.get(caller, "programSummary", List.of(programId), () -> {
			SearchScope scope = search.scope(caller, null);
			// The catalog and the aggregation do not depend on each other: sent together,
			// the answer waits for the slower search, not for both.
			CompletableFuture<List<String>> catalog = Beside.start("catalog",
					() -> search.program(scope, programId).map(ProgramRow::lessonIds).orElse(List.of()));
			ProgramProgress progress = search.programProgress(scope, programId);
			return summarize(programId, progress, Beside.join(catalog));
		});
	}

	static ProgramSummary summarize(String programId, ProgramProgress progress) {
		return summarize(programId, progress, List.of());
	}

	/**
	 * Lessons in catalog order first (every catalog lesson, with zeros until reps reach
	 * it), then any other lesson a rep started or completed, in lesson id order.
	 */
	static ProgramSummary summarize(String programId, ProgramProgress progress, List<String> catalog) {
		TreeSet<String> seen = new TreeSet<>(progress.startedReps().keySet());
		seen.addAll(progress.completedReps().keySet());
		java.util.LinkedHashSet<String> lessonIds = new java.util.LinkedHashSet<>(catalog);
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
