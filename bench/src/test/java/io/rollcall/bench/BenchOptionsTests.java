package io.rollcall.bench;

import java.nio.file.Path;
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
		assertThat(options.elasticsearchHeap()).isEqualTo("2g");
	}

	@Test
	void quickIsASmallSmokeRun() {
		BenchOptions options = BenchOptions.parse("--quick");
		assertThat(options.events()).isEqualTo(100_000);
		assertThat(options.freshnessTime()).isEqualTo(Duration.ofSeconds(10));
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
