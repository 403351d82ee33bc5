package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatenciesTests {

	@Test
	void nearestRankOfOneToHundredMillis() {
		List<Duration> samples = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());
		Collections.shuffle(samples, new java.util.Random(1));
		Latencies latencies = Latencies.of(samples);
		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.p50()).isEqualTo(Duration.ofMillis(50));
		assertThat(latencies.p95()).isEqualTo(Duration.ofMillis(95));
		assertThat(latencies.p99()).isEqualTo(Duration.ofMillis(99));
		assertThat(latencies.max()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void everyPercentileOfOneSampleIsThatSample() {
		Latencies latencies = Latencies.of(List.of(Duration.ofMillis(7)));
		assertThat(List.of(latencies.p50(), latencies.p95(), latencies.p99(), latencies.max()))
			.containsOnly(Duration.ofMillis(7));
	}

	@Test
	void reportedValuesAreMeasuredOnesNotInterpolated() {
		Latencies latencies = Latencies.of(List.of(Duration.ofMillis(10), Duration.ofMillis(20)));
		assertThat(latencies.p50()).isEqualTo(Duration.ofMillis(10));
		assertThat(latencies.p95()).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void noSamplesIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Latencies.of(List.of()));
	}

	@Test
	void millisWithOneDecimal() {
		assertThat(Latencies.millis(Duration.ofNanos(12_345_678))).isEqualTo("12.3 ms");
	}

}
