package io.rollcall.bench;

import java.nio.file.Path;
import io.rollcall.bench.BenchOptions.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void defaultsAreTheIssuesTargets() {
		BenchOptions options = BenchOptions.parse();
		assertThat(options.events()).isEqualTo(2_000_000);
		assertThat(options.freshnessRate()).isEqualTo(2_000);
		assertThat(options.freshnessTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.removals()).isGreaterThanOrEqualTo(20);
		assertThat(options.iterations()).isEqualTo(50);
		assertThat(options.warmupTime()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.elasticsearchHeap()).isEqualTo("2g");
		assertThat(options.noisyTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.values());
	}

	@Test
	void quickIsASmallSmokeRun() {
		BenchOptions options = BenchOptions.parse("--quick");
		assertThat(options.events()).isEqualTo(100_000);
		assertThat(options.freshnessTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.noisyTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.warmupTime()).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void topologyClusterRunsOnThreeNodesWithSmallerHeapsUnlessToldOtherwise() {
		assertThat(BenchOptions.parse().topology()).isEqualTo(BenchOptions.Topology.SINGLE);
		BenchOptions cluster = BenchOptions.parse("--quick", "--topology", "cluster");
		assertThat(cluster.topology()).isEqualTo(BenchOptions.Topology.CLUSTER);
		assertThat(cluster.elasticsearchHeap()).isEqualTo("1g");
		assertThat(BenchOptions.parse("--topology", "cluster", "--es-heap", "768m").elasticsearchHeap())
			.isEqualTo("768m");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--topology", "three"))
			.withMessageContaining("'three'");
	}

	@Test
	void warmupSecondsSetsTheDashboardWarmUp() {
		assertThat(BenchOptions.parse("--warmup-seconds", "5").warmupTime()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void noisySecondsSetsTheNoisyNeighbourWindow() {
		assertThat(BenchOptions.parse("--quick", "--noisy-seconds", "45").noisyTime())
			.isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void onlyRunsTheNamedPhases() {
		BenchOptions options = BenchOptions.parse("--only", "noisy");
		assertThat(options.phases()).containsExactly(Phase.NOISY);
		assertThat(options.runs(Phase.NOISY)).isTrue();
		assertThat(options.runs(Phase.INGEST)).isFalse();
		assertThat(BenchOptions.parse("--only", " Dashboards, ingest ,noisy").phases())
			.containsExactlyInAnyOrder(Phase.INGEST, Phase.DASHBOARDS, Phase.NOISY);
	}

	@Test
	void onlyRejectsUnknownAndEmptyPhases() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only", "noisy,dashboard"))
			.withMessageContaining("'dashboard'")
			.withMessageContaining("ingest,freshness,removals,dashboards,noisy");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only", ""))
			.withMessageContaining("--only takes phases");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only", "noisy,"))
			.withMessageContaining("--only takes phases");
	}

	@Test
	void usageNamesEveryOption() {
		assertThat(BenchOptions.usage()).contains("--noisy-seconds N",
				"--only ingest,freshness,removals,dashboards,noisy");
	}

	@Test
	void optionsOverrideDefaultsAndQuick() {
		BenchOptions options = BenchOptions.parse("--quick", "--events", "500_000", "--freshness-seconds", "5",
				"--iterations", "7", "--es-heap", "1g", "--output", "out.md");
		assertThat(options.events()).isEqualTo(500_000);
		assertThat(options.freshnessTime()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.iterations()).isEqualTo(7);
		assertThat(options.elasticsearchHeap()).isEqualTo("1g");
		assertThat(options.output()).isEqualTo(Path.of("out.md"));
		assertThat(Bench.command(options)).endsWith(
				"-Dexec.args=\"--quick --events 500_000 --freshness-seconds 5 --iterations 7 --es-heap 1g --output out.md\"");
	}

	@Test
	void rejectsUnknownOptionsMissingValuesAndNonPositiveNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--eventz", "5"))
			.withMessageContaining("Unknown option --eventz");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--events"))
			.withMessageContaining("Expected --name value");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--events", "0"))
			.withMessageContaining("positive");
	}

}
