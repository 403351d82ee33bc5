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
		assertThat(options.topology()).isEqualTo(BenchOptions.Topology.SINGLE);
		assertThat(options.noisyTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.changesRate()).isEqualTo(2_000);
		assertThat(options.replayChanges()).isEqualTo(1_000_000);
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.values());
		assertThat(options.rush()).isEqualTo(new BenchOptions.Rush(Duration.ofSeconds(60), 2_000));
		assertThat(options.apps()).isEqualTo(BenchOptions.Apps.JVM);
		assertThat(options.docsCharts()).isFalse();
	}

	@Test
	void quickIsASmallSmokeRun() {
		BenchOptions options = BenchOptions.parse("--quick");
		assertThat(options.events()).isEqualTo(100_000);
		assertThat(options.freshnessTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.noisyTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.warmupTime()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.rush().time()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.changesTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.replayChanges()).isEqualTo(50_000);
	}

	@Test
	void rushOptionsSetItsCellsAndWhereTheAppsRun() {
		BenchOptions options = BenchOptions.parse("--quick", "--only", "rush", "--rush-seconds", "90", "--rush-rate",
				"4000", "--apps", "processes", "--write-docs-charts");
		assertThat(options.phases()).containsExactly(Phase.RUSH);
		assertThat(options.rush()).isEqualTo(new BenchOptions.Rush(Duration.ofSeconds(90), 4_000));
		assertThat(options.apps()).isEqualTo(BenchOptions.Apps.PROCESSES);
		assertThat(options.docsCharts()).isTrue();
		assertThat(options.events()).isEqualTo(100_000);
		assertThat(Bench.command(options)).endsWith("--apps processes --write-docs-charts\"");
	}

	@Test
	void appsAreInTheJvmOrInProcesses() {
		assertThat(BenchOptions.parse("--apps", "JVM").apps()).isEqualTo(BenchOptions.Apps.JVM);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--apps", "docker"))
			.withMessageContaining("--apps takes jvm or processes, got 'docker'");
	}

	@Test
	void topologyClusterRunsOnThreeNodesWithSmallerHeapsUnlessToldOtherwise() {
		BenchOptions cluster = BenchOptions.parse("--quick", "--topology", "cluster", "--apps", "processes");
		assertThat(cluster.topology()).isEqualTo(BenchOptions.Topology.CLUSTER);
		assertThat(cluster.elasticsearchHeap()).isEqualTo("1g");
		assertThat(cluster.apps()).isEqualTo(BenchOptions.Apps.PROCESSES);
		assertThat(BenchOptions.parse("--es-heap", "768m", "--topology", "cluster").elasticsearchHeap())
			.isEqualTo("768m");
		assertThat(BenchOptions.parse("--topology", "single", "--es-heap", "3g").elasticsearchHeap()).isEqualTo("3g");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--topology", "three"))
			.withMessageContaining("--topology takes single or cluster, got 'three'");
	}

	@Test
	void changeFeedOptionsSetItsRateWindowAndReplay() {
		BenchOptions options = BenchOptions.parse("--only", "changes", "--changes-rate", "500", "--changes-seconds",
				"20", "--replay-changes", "10_000");
		assertThat(options.phases()).containsExactly(Phase.CHANGES);
		assertThat(options.changesRate()).isEqualTo(500);
		assertThat(options.changesTime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.replayChanges()).isEqualTo(10_000);
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
			.withMessageContaining("ingest,freshness,removals,dashboards,noisy,rush,changes");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only", ""))
			.withMessageContaining("--only takes phases");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only", "noisy,"))
			.withMessageContaining("--only takes phases");
	}

	@Test
	void usageNamesEveryOption() {
		assertThat(BenchOptions.usage()).contains("--noisy-seconds N", "--changes-rate N", "--changes-seconds N",
				"--replay-changes N", "--only ingest,freshness,removals,dashboards,noisy,rush,changes",
				"--topology single|cluster", "--rush-seconds N", "--rush-rate N", "--apps jvm|processes",
				"--write-docs-charts");
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
