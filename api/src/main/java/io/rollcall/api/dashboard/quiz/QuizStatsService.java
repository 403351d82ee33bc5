package io.rollcall.api.dashboard.quiz;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.security.Scopes;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code quizStats} query. */
@Service
class QuizStatsService {

	private final QuizStatsQuery query;

	private final DashboardReads reads;

	QuizStatsService(QuizStatsQuery query, DashboardReads reads) {
		this.query = query;
		this.reads = reads;
	}

	/** Attempts and correct answers per question of a lesson. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<QuestionStats> quizStats(String programId, String lessonId, String teamId) {
		Arguments.id("programId", programId);
		Arguments.id("lessonId", lessonId);
		Arguments.optionalId("teamId", teamId);
		return reads.cached("quizStats", Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, lessonId, teamId),
				scope -> query.questions(scope, programId, lessonId));
	}

}
