package io.rollcall.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LagHistogramTests {

	private static final List<Duration> SAMPLES = Stream.of(10, 50, 51, 180, 180, 999, 1_000, 4_000, 9_000)
		.map(Duration::ofMillis)
		.toList();

	@Test
	void samplesFallInTheBinOfTheirUpperBound() {
		LagHistogram histogram = LagHistogram.of(SAMPLES);
		assertThat(histogram.total()).isEqualTo(SAMPLES.size());
		List<String> labels = LagHistogram.labels();
		assertThat(labels).hasSize(histogram.counts().size()).startsWith("≤50", "50–100").endsWith(">5000");
		assertThat(histogram.counts().get(labels.indexOf("≤50"))).isEqualTo(2);
		assertThat(histogram.counts().get(labels.indexOf("50–100"))).isEqualTo(1);
		assertThat(histogram.counts().get(labels.indexOf("150–200"))).isEqualTo(2);
		assertThat(histogram.counts().get(labels.indexOf("750–1000"))).isEqualTo(2);
		assertThat(histogram.counts().get(labels.indexOf("3000–5000"))).isEqualTo(1);
		assertThat(histogram.counts().get(labels.indexOf(">5000"))).isEqualTo(1);
		assertThat(histogram.percent(labels.indexOf("≤50"))).isEqualTo(200.0 / 9);
	}

	@Test
	void aTimerWithTheSameServiceLevelBoundariesGivesTheSameBins() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Timer timer = Timer.builder("lag")
			.serviceLevelObjectives(
					LagHistogram.BOUNDS_MILLIS.stream().map(Duration::ofMillis).toArray(Duration[]::new))
			.register(meters);
		SAMPLES.forEach(timer::record);
		assertThat(LagHistogram.of(timer.takeSnapshot())).isEqualTo(LagHistogram.of(SAMPLES));
		assertThat(LagHistogram.serviceLevelObjectives()).startsWith("50ms,100ms,150ms,").endsWith(",5000ms");
	}

	@Test
	void aTimerWithOtherBoundariesIsRefused() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Timer timer = Timer.builder("lag").serviceLevelObjectives(Duration.ofMillis(100)).register(meters);
		timer.record(Duration.ofMillis(20));
		assertThatIllegalStateException().isThrownBy(() -> LagHistogram.of(timer.takeSnapshot()))
			.withMessageContaining("[100]");
	}

	@Test
	void anEmptyHistogramHasNoShareAndBinsAreFixed() {
		assertThat(LagHistogram.of(List.of()).percent(0)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new LagHistogram(Collections.nCopies(3, 0L)));
	}

}
