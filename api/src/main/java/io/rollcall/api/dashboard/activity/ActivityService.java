package io.rollcall.api.dashboard.activity;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.event.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code activity} query: events per UTC calendar bucket and type. */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class ActivityService {

	/** The widest activity range: a bit more than a year, month-over-month dashboards. */
	static final Duration MAX_RANGE = Duration.ofDays(400);

	/** The widest range of hourly activity: 744 buckets. */
	static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);

	private final ActivityQuery query;

	private final DashboardReads reads;

	ActivityService(ActivityQuery query, DashboardReads reads) {
		this.query = query;
		this.reads = reads;
	}

	/** Events per UTC calendar bucket and type in [from, to). */
	public List<ActivityBucket> activity(TimeRange range, Interval interval, List<EventType> types, String programId,
			String teamId) {
		if (range == null || range.from() == null || range.to() == null || !range.from().isBefore(range.to())) {
			throw new InvalidArgumentException("range", "must have from before to");
		}
		Duration length = Duration.between(range.from(), range.to());
		if (length.compareTo(MAX_RANGE) > 0) {
			throw new InvalidArgumentException("range", "must span at most " + MAX_RANGE.toDays() + " days");
		}
		Interval bucket = interval == null ? Interval.DAY : interval;
		if (bucket == Interval.HOUR && length.compareTo(MAX_HOURLY_RANGE) > 0) {
			throw new InvalidArgumentException("interval",
					"HOUR needs a range of at most " + MAX_HOURLY_RANGE.toDays() + " days");
		}
		Arguments.optionalId("programId", programId);
		Arguments.optionalId("teamId", teamId);
		Set<String> typeNames = types == null ? Set.of()
				: types.stream().map(EventType::name).collect(Collectors.toUnmodifiableSet());
		return reads.cached("activity", programId == null ? Dependency.everyProgram() : Dependency.program(programId),
				teamId, DashboardCache.arguments(range, bucket, typeNames, programId, teamId),
				scope -> query.buckets(scope, range, bucket, typeNames, programId));
	}

}
