package io.rollcall.api.dashboard.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityQueryTests {

	private static final TimeRange TWO_DAYS = new TimeRange(Instant.parse("2026-01-01T00:00:00Z"),
			Instant.parse("2026-01-03T00:00:00Z"));

	@Test
	void eventsPerCalendarDayAndTypeEmptyDaysIncluded() {
		CannedSearch canned = CannedSearch.answering(getClass(), "days-response.json");

		List<ActivityBucket> days = new ActivityQuery(canned.search()).buckets(CannedSearch.tenant("tenant-a"),
				TWO_DAYS, Interval.DAY, Set.of("QUIZ_ANSWERED", "LESSON_STARTED"), "prog-0");

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-events");
			CannedSearch.assertBody(request, getClass(), "days-request.json");
		});
		assertThat(days).containsExactly(
				new ActivityBucket(Instant.parse("2026-01-01T00:00:00Z"), 3,
						List.of(new ActivityBucket.TypeCount("LESSON_STARTED", 1),
								new ActivityBucket.TypeCount("QUIZ_ANSWERED", 2))),
				new ActivityBucket(Instant.parse("2026-01-02T00:00:00Z"), 0, List.of()));
	}

	@Test
	void everyIntervalIsACalendarInterval() {
		for (Interval interval : Interval.values()) {
			CannedSearch canned = CannedSearch.answering(getClass(), "days-response.json");

			new ActivityQuery(canned.search()).buckets(CannedSearch.tenant("tenant-a"), TWO_DAYS, interval, Set.of(),
					null);

			assertThat(CannedSearch.body(canned.requests().getFirst())).as(interval.name())
				.contains("\"calendar_interval\":\"" + interval.name().toLowerCase() + "\"")
				.doesNotContain("\"program_id\"", "\"terms\":{\"type\":[");
		}
	}

}
