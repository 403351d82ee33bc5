package io.rollcall.api.dashboard;

import io.rollcall.api.error.BadUserInputException;
import io.rollcall.api.search.ProgramProgress;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.json.Identifiers;
import java.util.List;
import java.util.TreeSet;
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

	DashboardService(TenantScopedSearch search, Callers callers) {
		this.search = search;
		this.callers = callers;
	}

	/**
	 * Totals and per-lesson reach of a program. An unknown program has zero counts, not
	 * an error: a dashboard may be opened before the first event arrives.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public ProgramSummary programSummary(String programId) {
		if (!Identifiers.isValid(programId)) {
			throw new BadUserInputException("programId " + Identifiers.MESSAGE);
		}
		return summarize(programId, search.programProgress(callers.current(), programId));
	}

	static ProgramSummary summarize(String programId, ProgramProgress progress) {
		// Lessons appear once any rep started or completed them, in lesson id order.
		TreeSet<String> lessonIds = new TreeSet<>(progress.startedReps().keySet());
		lessonIds.addAll(progress.completedReps().keySet());
		List<LessonReach> lessons = lessonIds.stream()
			.map(lesson -> new LessonReach(lesson, progress.startedReps().getOrDefault(lesson, 0L),
					progress.completedReps().getOrDefault(lesson, 0L)))
			.toList();
		Double accuracy = progress.quizAnswered() == 0 ? null
				: (double) progress.quizCorrect() / progress.quizAnswered();
		return new ProgramSummary(programId, progress.events(), progress.reps(), accuracy, lessons);
	}

}
