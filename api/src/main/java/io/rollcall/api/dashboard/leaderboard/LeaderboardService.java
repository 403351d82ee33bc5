package io.rollcall.api.dashboard.leaderboard;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.reps.RepHit;
import io.rollcall.api.dashboard.reps.RepRow;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.security.Scopes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code leaderboard} query: a program's top reps by a metric. */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class LeaderboardService {

	private final LeaderboardQuery query;

	private final DashboardReads reads;

	LeaderboardService(LeaderboardQuery query, DashboardReads reads) {
		this.query = query;
		this.reads = reads;
	}

	/** The top reps of a program by {@code metric}; ties by contact id. */
	public List<LeaderboardEntry> leaderboard(String programId, LeaderboardMetric metric, Integer first,
			String teamId) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		int size = Arguments.first(first);
		return reads.cached("leaderboard", Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, metric, size, teamId),
				scope -> entries(query.leaders(scope, programId, metric, size), metric, scope));
	}

	private static List<LeaderboardEntry> entries(List<RepRow> rows, LeaderboardMetric metric, SearchScope scope) {
		List<LeaderboardEntry> entries = new ArrayList<>(rows.size());
		for (RepRow row : rows) {
			RepHit rep = row.rep();
			double value = switch (metric) {
				case LESSONS_COMPLETED -> rep.lessonsCompleted();
				case QUIZ_ACCURACY -> rep.quizAccuracy();
				case ACTIVITY -> rep.eventCount();
			};
			entries.add(new LeaderboardEntry(entries.size() + 1, rep.contactId(), value, scope));
		}
		return entries;
	}

}
