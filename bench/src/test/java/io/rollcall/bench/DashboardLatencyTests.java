package io.rollcall.bench;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardLatencyTests {

	@Test
	void theOverheadTargetIsTheLooserOfTheRatioAndThreeMilliseconds() {
		// Fast searches: 3 ms more than 5 ms is 1.6x, within the 3 ms.
		assertThat(result(8, 5).meetsOverheadTarget()).isTrue();
		assertThat(result(9, 5).meetsOverheadTarget()).isFalse();
		// Slow searches: 1.15x of 100 ms allows 15 ms more.
		assertThat(result(115, 100).meetsOverheadTarget()).isTrue();
		assertThat(result(116, 100).meetsOverheadTarget()).isFalse();
	}

	private static DashboardLatency.Result result(long uncachedMillis, long directMillis) {
		Latencies uncached = Latencies.of(List.of(Duration.ofMillis(uncachedMillis)));
		Latencies direct = Latencies.of(List.of(Duration.ofMillis(directMillis)));
		return new DashboardLatency.Result("programSummary", 1, direct, uncached, direct);
	}

}
