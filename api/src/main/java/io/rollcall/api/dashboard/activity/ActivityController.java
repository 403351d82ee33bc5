package io.rollcall.api.dashboard.activity;

import io.rollcall.schema.event.EventType;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code activity} to {@link ActivityService}. */
@Controller
record ActivityController(ActivityService activity) {

	@QueryMapping
	List<ActivityBucket> activity(@Argument TimeRange range, @Argument Interval interval,
			@Argument List<EventType> types, @Argument String programId, @Argument String teamId) {
		return activity.activity(range, interval, types, programId, teamId);
	}

}
