package io.rollcall.api.dashboard.video;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code videoDropoff} to {@link VideoDropoffService}. */
@Controller
record VideoDropoffController(VideoDropoffService videos) {

	@QueryMapping
	List<SegmentReach> videoDropoff(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return videos.videoDropoff(programId, lessonId, teamId);
	}

}
