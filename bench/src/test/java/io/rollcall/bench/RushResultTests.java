package io.rollcall.bench;

import io.rollcall.bench.Rush.Cell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RushResultTests {

	private static final CacheLookups NO_COUNTER = new CacheLookups(OptionalDouble.empty(), OptionalDouble.empty(),
			OptionalDouble.empty());

	@Test
	void redisCommandsPerRequestLeaveOutWhatTheSameWritesCostInThePlainCell() {
		// The gateway cell: 1,000 requests, 3,000 GETs of theirs and the writes' 1,200
		// XADDs; the plain cell: the same writes, 1,200 XADDs, and 20 polls of the
		// indexer's that the gateway cell did not make.
		Rush.Result result = result(Map.of("get", 3_000L, "xadd", 1_200L), Map.of("xadd", 1_200L, "xreadgroup", 20L));
		assertThat(result.redisPerGraphQlRequest(64, true)).isCloseTo(2.98, within(1e-9));
		assertThat(result.redisByCommand(64, true)).containsExactly(Map.entry("get", 3.0), Map.entry("xadd", 0.0),
				Map.entry("xreadgroup", -0.02));
	}

	@Test
	void theCacheHitRatioNeedsTheCounter() {
		CacheLookups before = new CacheLookups(OptionalDouble.of(10), OptionalDouble.of(5), OptionalDouble.of(0));
		CacheLookups after = new CacheLookups(OptionalDouble.of(100), OptionalDouble.of(35), OptionalDouble.of(0));
		assertThat(after.minus(before).hitRatio()).hasValue(0.75);
		assertThat(after.minus(NO_COUNTER).hitRatio()).isEmpty();
		assertThat(before.minus(before).hitRatio()).isEmpty();
	}

	@Test
	void chartsAreDrawnForEveryCellAndBothLagDistributions(@TempDir Path directory) throws IOException {
		Rush.Result result = result(Map.of(), Map.of());
		List<Path> charts = new ArrayList<>(Charts.rush(result, directory));
		charts.add(Charts.freshness(LagHistogram.of(List.of(Duration.ofMillis(120), Duration.ofMillis(480))),
				LagHistogram.of(result.probeLatencies()), directory));
		assertThat(charts).extracting(chart -> chart.getFileName().toString())
			.containsExactly(Charts.LATENCY_WITH_WRITES, Charts.LATENCY_WITHOUT_WRITES, Charts.THROUGHPUT,
					Charts.FRESHNESS);
		for (Path chart : charts) {
			byte[] png = Files.readAllBytes(chart);
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		}
		Path docs = directory.resolve("docs/performance");
		Charts.copy(charts, docs);
		assertThat(docs.resolve(Charts.THROUGHPUT)).hasSameBinaryContentAs(directory.resolve(Charts.THROUGHPUT));
	}

	/**
	 * Every cell of a phase, 100 answers of 10-40 ms each; the headline gateway cell has
	 * 1,000 and {@code gatewayRedis}, the headline plain cell {@code plainRedis}.
	 */
	private static Rush.Result result(Map<String, Long> gatewayRedis, Map<String, Long> plainRedis) {
		List<Cell> cells = new ArrayList<>();
		for (boolean writes : List.of(false, true)) {
			for (int clients : Rush.CLIENTS) {
				for (ReadPath path : ReadPath.values()) {
					boolean headline = writes && clients == Rush.HEADLINE_CLIENTS;
					boolean gateway = headline && path == ReadPath.GATEWAY;
					boolean plain = headline && path == ReadPath.PLAIN;
					Tally reads = answers(gateway ? 1_000 : 100, 10 * (path.ordinal() + 1));
					cells.add(new Cell(clients, writes, path, Duration.ofSeconds(gateway ? 20 : 10), reads,
							Map.of("programSummary", reads), writes ? answers(10, 5) : null,
							writes ? new FreshnessProbe.Window() : null, NO_COUNTER,
							gateway ? gatewayRedis : plain ? plainRedis : Map.of(), List.of()));
				}
			}
		}
		return new Rush.Result(new BenchOptions.Rush(Duration.ofSeconds(10), 2_000), List.of(), 200, 100_000, 120_000,
				cells);
	}

	private static Tally answers(int count, int millis) {
		Tally tally = new Tally();
		for (int i = 0; i < count; i++) {
			tally.add(new Outcome(Outcome.Kind.ADMITTED, null, false, 0), Duration.ofMillis(millis + i % 30),
					Duration.ZERO);
		}
		return tally;
	}

}
