package io.rollcall.api.dashboard.lesson;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.security.Scopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The {@code quizStats} and {@code videoDropoff} queries: both about one lesson of a
 * program, within the caller's scope or a team's, cached until the program changes.
 */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class LessonService {

	private final QuizStatsQuery quizzes;

	private final VideoDropoffQuery videos;

	private final DashboardReads reads;

	LessonService(QuizStatsQuery quizzes, VideoDropoffQuery videos, DashboardReads reads) {
		this.quizzes = quizzes;
		this.videos = videos;
		this.reads = reads;
	}

	/** Attempts and correct answers per question of a lesson. */
	public List<QuestionStats> quizStats(String programId, String lessonId, String teamId) {
		return read("quizStats", programId, lessonId, teamId, scope -> quizzes.questions(scope, programId, lessonId));
	}

	/**
	 * Per segment, reps whose furthest segment is at or past it: each rep's maximum comes
	 * from Elasticsearch (exact, a composite aggregation), the cumulative count is summed
	 * here, since a rep who reached segment 7 also passed 0 to 6 even without events
	 * there.
	 */
	public List<SegmentReach> videoDropoff(String programId, String lessonId, String teamId) {
		return read("videoDropoff", programId, lessonId, teamId,
				scope -> reach(videos.furthestSegments(scope, programId, lessonId).values()));
	}

	/** The answer to {@code query} about a lesson, once its arguments are checked. */
	private <T> T read(String query, String programId, String lessonId, String teamId,
			Function<SearchScope, T> compute) {
		Arguments.id("programId", programId);
		Arguments.id("lessonId", lessonId);
		Arguments.optionalId("teamId", teamId);
		return reads.cached(query, Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, lessonId, teamId), compute);
	}

	static List<SegmentReach> reach(Collection<Integer> furthest) {
		int last = furthest.stream().mapToInt(Integer::intValue).max().orElse(-1);
		long[] endingAt = new long[last + 1];
		furthest.forEach(segment -> endingAt[segment]++);
		List<SegmentReach> reach = new ArrayList<>(last + 1);
		long atOrPast = 0;
		for (int segment = last; segment >= 0; segment--) {
			atOrPast += endingAt[segment];
			reach.add(new SegmentReach(segment, atOrPast));
		}
		return reach.reversed();
	}

}
