package io.rollcall.api.dashboard.video;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.security.Scopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code videoDropoff} query. */
@Service
class VideoDropoffService {

	private final VideoDropoffQuery query;

	private final DashboardReads reads;

	VideoDropoffService(VideoDropoffQuery query, DashboardReads reads) {
		this.query = query;
		this.reads = reads;
	}

	/**
	 * Per segment, reps whose furthest segment is at or past it: each rep's maximum comes
	 * from Elasticsearch (exact, a composite aggregation), the cumulative count is summed
	 * here, since a rep who reached segment 7 also passed 0 to 6 even without events
	 * there.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<SegmentReach> videoDropoff(String programId, String lessonId, String teamId) {
		Arguments.id("programId", programId);
		Arguments.id("lessonId", lessonId);
		Arguments.optionalId("teamId", teamId);
		return reads.cached("videoDropoff", Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, lessonId, teamId),
				scope -> reach(query.furthestSegments(scope, programId, lessonId).values()));
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
