package io.rollcall.api.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageReportTests {

	@Test
	void hourlyPeriodsAreTheHoursThatOverlapTheRange() {
		List<UsageReport.Period> periods = UsageReport.periods(
				new UsageRange(Instant.parse("2026-11-20T09:30:00Z"), Instant.parse("2026-11-20T12:00:00Z")),
				UsageGrouping.HOUR);

		assertThat(periods).extracting(UsageReport.Period::start)
			.containsExactly(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"),
					Instant.parse("2026-11-20T11:00:00Z"));
		assertThat(periods.getLast().end()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
		assertThat(periods).allSatisfy(period -> assertThat(period.hours()).containsExactly(period.start()));
	}

	@Test
	void dailyPeriodsAreWholeUtcDaysOfTwentyFourHours() {
		List<UsageReport.Period> periods = UsageReport.periods(
				new UsageRange(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-21T09:00:00Z")),
				UsageGrouping.DAY);

		assertThat(periods).extracting(UsageReport.Period::start)
			.containsExactly(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
		assertThat(periods).allSatisfy(period -> assertThat(period.hours()).hasSize(24));
		assertThat(periods.get(1).hours().getLast()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
	}

	@Test
	void aDaySumsItsHoursCountersAndRefusalsByCode() {
		List<UsageReport.Period> periods = UsageReport.periods(
				new UsageRange(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")),
				UsageGrouping.DAY);
		List<Map<String, String>> hourly = new ArrayList<>(Collections.nCopies(24, Map.of()));
		hourly.set(9, Map.of("requests", "5", "cost", "105", "refused:RATE_LIMITED", "1"));
		hourly.set(17, Map.of("requests", "2", "cost", "-3", "events", "40", "refused:BAD_USER_INPUT", "1",
				"refused:RATE_LIMITED", "2"));

		List<UsageBucket> buckets = UsageReport.buckets("acme-sync", periods, hourly);

		assertThat(buckets).containsExactly(new UsageBucket("acme-sync", Instant.parse("2026-11-20T00:00:00Z"),
				Instant.parse("2026-11-21T00:00:00Z"), 7, 102, 40,
				List.of(new UsageRefusal("BAD_USER_INPUT", 1), new UsageRefusal("RATE_LIMITED", 3))));
		assertThat(UsageReport.anyUse(buckets)).isTrue();
	}

	@Test
	void emptyHoursGiveEmptyBuckets() {
		List<UsageReport.Period> periods = UsageReport.periods(
				new UsageRange(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T02:00:00Z")),
				UsageGrouping.HOUR);

		List<UsageBucket> buckets = UsageReport.buckets("idle", periods, List.of(Map.of(), Map.of()));

		assertThat(buckets).hasSize(2).allSatisfy(bucket -> assertThat(bucket.requests()).isZero());
		assertThat(UsageReport.anyUse(buckets)).isFalse();
	}

}
