package io.rollcall.api.dashboard.activity;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(ActivityController.class)
@Import(ActivityService.class)
class ActivityControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ActivityQuery query;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void eventsPerBucketAndTypeForTheRequestedTypesAndProgram() {
		TimeRange range = new TimeRange(FROM, Instant.parse("2026-01-01T02:00:00Z"));
		given(query.buckets(TENANT, range, Interval.HOUR, Set.of("QUIZ_ANSWERED", "LESSON_STARTED"), "prog-0"))
			.willReturn(List.of(new ActivityBucket(FROM, 3, List.of(new ActivityBucket.TypeCount("LESSON_STARTED", 1),
					new ActivityBucket.TypeCount("QUIZ_ANSWERED", 2)))));

		graphQl.documentName("activity")
			.variables(variables("range", range(range), "interval", "HOUR", "types",
					List.of("QUIZ_ANSWERED", "LESSON_STARTED", "QUIZ_ANSWERED"), "programId", "prog-0", "teamId",
					"team-1"))
			.execute()
			.path("activity")
			.matchesJsonStrictly("""
					[{"start": "2026-01-01T00:00:00Z", "total": 3,
					  "byType": [{"type": "LESSON_STARTED", "count": 1}, {"type": "QUIZ_ANSWERED", "count": 2}]}]
					""");
		then(reads).should().cached(eq("activity"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void daysOfEveryTypeByDefaultOverTheWidestRanges() {
		TimeRange days = new TimeRange(FROM, FROM.plus(ActivityService.MAX_RANGE));
		TimeRange hours = new TimeRange(FROM, FROM.plus(ActivityService.MAX_HOURLY_RANGE));

		graphQl.documentName("activity")
			.variable("range", range(days))
			.execute()
			.path("activity")
			.entityList(Object.class)
			.hasSize(0);
		graphQl.documentName("activity")
			.variables(variables("range", range(hours), "interval", "HOUR"))
			.execute()
			.path("activity")
			.entityList(Object.class)
			.hasSize(0);

		then(query).should().buckets(TENANT, days, Interval.DAY, Set.of(), null);
		then(query).should().buckets(TENANT, hours, Interval.HOUR, Set.of(), null);
		// Without a program, the answer is about every program's events.
		then(reads).should(times(2)).cached(eq("activity"), eq(Dependency.everyProgram()), any(), any(), any());
	}

	@Test
	void eachMalformedArgumentIsNamed() {
		Map<String, Object> day = Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z");
		assertBadArgument(graphQl, "activity",
				variables("range", Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z")), "range");
		assertBadArgument(graphQl, "activity",
				variables("range", Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")), "range");
		assertBadArgument(graphQl, "activity",
				variables("range", Map.of("from", "2025-01-01T00:00:00Z", "to", "2026-02-06T00:00:00Z")), "range");
		assertBadArgument(
				graphQl, "activity", variables("range",
						Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-02T00:00:00Z"), "interval", "HOUR"),
				"interval");
		assertBadArgument(graphQl, "activity", variables("range", day, "programId", "bad id!"), "programId");
		assertBadArgument(graphQl, "activity", variables("range", day, "teamId", "a/b"), "teamId");
		verifyNoInteractions(query, reads);
	}

	private static Map<String, Object> range(TimeRange range) {
		return Map.of("from", range.from().toString(), "to", range.to().toString());
	}

}
