package io.rollcall.bench;

import io.rollcall.bench.Rush.Cell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Scenario g's section of the report: the targets of issue #12 first, then every cell.
 */
final class RushReport {

	private static final long MEBIBYTE = 1024 * 1024;

	/** Issue #12's ceiling on each app's resident set during the rush. */
	private static final long RESIDENT_TARGET = 512 * MEBIBYTE;

	private RushReport() {
	}

	/**
	 * Writes the section.
	 * @param redisServers how many Redis servers the commands are counted on: 1, or the
	 * masters of a Redis Cluster
	 */
	static void write(Report report, Rush.Result result, int redisServers) {
		BenchOptions.Rush options = result.options();
		report.heading("Morning rush (issue #12): " + Rush.HEADLINE_CLIENTS + " managers of the big tenant while "
				+ String.format(Locale.ROOT, "%,d", options.rate()) + " events/s stream in");
		report.line(String.format(Locale.ROOT,
				"Closed-loop managers (no think time), each with its own token, cycling through the %d dashboard queries"
						+ " of scenario e with a manager's page sizes (repProgress first: %d, leaderboard first: 10,"
						+ " activity: 30 days by day), on three paths one after another: the gateway with its defaults"
						+ " (result cache, rollups), the gateway's searches straight to Elasticsearch (direct), and"
						+ " aggregations over the raw events (plain Elasticsearch). Each cell: %d s; with writes, %,d"
						+ " events/s through `POST /v1/events` into the same tenant and program (%d requests/s from %d"
						+ " clients, open-loop) and a freshness probe every %d s. HTTP timeout %d s. Shard request cache"
						+ " off. The big tenant grew from %,d to %,d searchable events during the phase.%n",
				DashboardQuery.managerMix().size(), DashboardQuery.MANAGER_REP_PAGE, options.time().toSeconds(),
				options.rate(), Freshness.REQUESTS_PER_SECOND, Rush.WRITERS, FreshnessProbe.PERIOD.toSeconds(),
				Rush.TIMEOUT.toSeconds(), result.eventsBefore(), result.eventsAfter()));
		targets(report, result);
		cells(report, result, redisServers);
		byQuery(report, result);
		answers(report, result);
		writes(report, result);
		redis(report, result);
		memory(report, result);
	}

	private static void targets(Report report, Rush.Result result) {
		Cell gateway = result.headline(ReadPath.GATEWAY);
		Cell plain = result.headline(ReadPath.PLAIN);
		long stale = result.probes().stream().mapToLong(FreshnessProbe.Window::stale).sum();
		long probeReads = result.probes().stream().mapToLong(probe -> probe.reads().sent()).sum();
		List<Duration> probeLatencies = result.probeLatencies();
		double ratio = gateway.throughput() / plain.throughput();
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("gateway p95, " + Rush.HEADLINE_CLIENTS + " managers + writes",
				latency(gateway.reads(), Latencies::p95), "≤ 150 ms " + Bench.verdict(gateway.reads().anyAdmitted()
						&& gateway.reads().latencies().p95().compareTo(Duration.ofMillis(150)) <= 0)));
		rows.add(List.of("gateway errors", errors(gateway.reads()), "0 " + Bench
			.verdict(gateway.reads().failed() == 0 && gateway.reads().count(Outcome.Kind.RATE_LIMITED) == 0)));
		rows.add(List.of("stale answers (probe reads without an acknowledged write)",
				stale + " of " + probeReads + " reads", "0 " + Bench.verdict(stale == 0 && probeReads > 0)));
		rows.add(List.of(
				"gateway throughput / plain Elasticsearch throughput", String.format(Locale.ROOT,
						"%.1f× (%.1f/s against %.1f/s)", ratio, gateway.throughput(), plain.throughput()),
				"≥ 5× " + Bench.verdict(ratio >= 5)));
		rows.add(List.of("probe write (`consistency=visible`) p50 / p95, all cells with writes",
				probeLatencies.isEmpty() ? "–"
						: Latencies.millis(Latencies.of(probeLatencies).p50()) + " / "
								+ Latencies.millis(Latencies.of(probeLatencies).p95()),
				"p95 ≤ 250 ms " + Bench.verdict(!probeLatencies.isEmpty()
						&& Latencies.of(probeLatencies).p95().compareTo(Duration.ofMillis(250)) <= 0)));
		result.memory()
			.ifPresentOrElse(
					memory -> memory
						.forEach(app -> rows.add(List.of(app.app() + " resident set", mebibytes(app.largestResident()),
								"< 512 MB " + Bench.verdict(app.largestResident() < RESIDENT_TARGET)))),
					() -> rows.add(List.of("api and indexer resident set",
							"not measured: the apps ran in the benchmark's JVM (`--apps processes` measures them)",
							"< 512 MB each")));
		report.table(List.of("check (issue #12)", "measured", "target"), rows);
		report.line("");
	}

	private static void cells(Report report, Rush.Result result, int redisServers) {
		report.line("Every cell (clients × writes × path), in the order run:\n");
		List<List<String>> rows = new ArrayList<>();
		for (Cell cell : result.cells()) {
			boolean gateway = cell.path() == ReadPath.GATEWAY;
			FreshnessProbe.Window probe = cell.probe();
			rows.add(List.of(Integer.toString(cell.clients()), cell.writes() ? "yes" : "no", cell.path().toString(),
					String.format(Locale.ROOT, "%,d", cell.reads().sent()),
					String.format(Locale.ROOT, "%,.1f", cell.throughput()), latency(cell.reads(), Latencies::p50),
					latency(cell.reads(), Latencies::p95), latency(cell.reads(), Latencies::p99), errors(cell.reads()),
					gateway ? percent(cell.cache().hitRatio()) : "",
					gateway ? String.format(Locale.ROOT, "%.1f",
							result.redisPerGraphQlRequest(cell.clients(), cell.writes())) : "",
					probe == null ? "" : probe.stale() + " / " + probe.reads().sent(),
					probe == null || probe.writeLatencies().isEmpty() ? ""
							: Latencies.millis(Latencies.of(probe.writeLatencies()).p50()) + " / "
									+ Latencies.millis(Latencies.of(probe.writeLatencies()).p95())));
		}
		report.table(List.of("clients", "writes", "path", "answers", "answers/s", "p50", "p95", "p99", "errors",
				"cache hits", "Redis commands / GraphQL request", "stale / probe reads", "probe write p50 / p95"),
				rows);
		report.line("\nCache hits: the api's `" + CacheLookups.METER
				+ "` counter (hit over hit + miss + bypass); n/a when the api has no such counter. Redis commands per"
				+ " GraphQL request: `INFO commandstats`"
				+ ((redisServers > 1) ? " summed over the Redis Cluster's " + redisServers
						+ " masters (the clients' topology refreshes among the commands)" : "")
				+ " over the gateway cell, less the commands of the plain cell"
				+ " of the same clients and writes (the same writes and probes, the indexer's polling; plain sends"
				+ " nothing to Redis), over the gateway cell's requests; the write path's own commands vary a little"
				+ " with how the indexer batches, so this is an estimate.\n");
	}

	private static void byQuery(Report report, Rush.Result result) {
		report.line("Per query, " + Rush.HEADLINE_CLIENTS + " managers with writes:\n");
		List<List<String>> rows = new ArrayList<>();
		for (String query : result.headline(ReadPath.GATEWAY).byQuery().keySet()) {
			List<String> row = new ArrayList<>(List.of(query));
			for (ReadPath path : ReadPath.values()) {
				Tally tally = result.headline(path).byQuery().get(query);
				row.add(latency(tally, Latencies::p50) + " / " + latency(tally, Latencies::p95));
				row.add(errors(tally));
			}
			rows.add(row);
		}
		report.table(List.of("query", "gateway p50 / p95", "gateway errors", "direct p50 / p95", "direct errors",
				"plain p50 / p95", "plain errors"), rows);
		report.line("");
	}

	private static void answers(Report report, Rush.Result result) {
		report.line("Do the plain requests answer the same questions? Each query once, before the cells, through the"
				+ " uncached gateway and by the plain requests (cardinality is approximate above 3,000 distinct"
				+ " values; the plain video drop-off counts reps with progress at the segment):\n");
		report.table(List.of("query", "compared", "gateway", "plain", "difference"), result.answers()
			.stream()
			.map(answer -> List.of(answer.query(), answer.what(), String.format(Locale.ROOT, "%,.0f", answer.gateway()),
					String.format(Locale.ROOT, "%,.0f", answer.plain()),
					String.format(Locale.ROOT, "%+.2f %%", answer.differencePercent())))
			.toList());
		report.line("");
	}

	private static void writes(Report report, Rush.Result result) {
		report.line("The writes of each cell with writes (accepted: 202):\n");
		List<List<String>> rows = new ArrayList<>();
		for (Cell cell : result.cells()) {
			if (cell.written() != null) {
				Tally written = cell.written();
				rows.add(List.of(Integer.toString(cell.clients()), cell.path().toString(),
						String.format(Locale.ROOT, "%,d", written.sent()),
						String.format(Locale.ROOT, "%,d", written.count(Outcome.Kind.ADMITTED)), errors(written),
						Long.toString(written.late())));
			}
		}
		report.table(List.of("clients", "path", "write requests", "accepted", "errors", "started late"), rows);
		report.line("");
	}

	private static void redis(Report report, Rush.Result result) {
		report.line("Redis commands per GraphQL request, " + Rush.HEADLINE_CLIENTS
				+ " managers with writes, by command (less the plain cell's, as above):\n");
		List<List<String>> rows = new ArrayList<>();
		for (Map.Entry<String, Double> command : result.redisByCommand(Rush.HEADLINE_CLIENTS, true).entrySet()) {
			if (Math.abs(command.getValue()) >= 0.005) {
				rows.add(List.of(command.getKey(), String.format(Locale.ROOT, "%.2f", command.getValue())));
			}
		}
		report.table(List.of("command", "calls / GraphQL request"), rows);
		report.line("");
	}

	private static void memory(Report report, Rush.Result result) {
		result.memory().ifPresent(memory -> {
			report.line("Memory of the apps, each its own process (" + AppProcesses.API_MEMORY + " / "
					+ AppProcesses.INDEXER_MEMORY
					+ " as the chart's limit, heap at 75 % of it, Serial collector), in the headline gateway cell:"
					+ " the largest resident set sampled every second while the managers read, and the heap right"
					+ " after a full collection (`jcmd <pid> GC.run`) at the end of the cell, the writes still"
					+ " running:\n");
			report.table(List.of("app", "pid", "largest resident set", "heap after full GC", "heap committed"),
					memory.stream()
						.map(app -> List.of(app.app(), Long.toString(app.pid()), mebibytes(app.largestResident()),
								mebibytes(app.heap().used()), mebibytes(app.heap().committed())))
						.toList());
			report.line("");
		});
	}

	private static String latency(Tally tally, Function<Latencies, Duration> percentile) {
		return tally.anyAdmitted() ? Latencies.millis(percentile.apply(tally.latencies())) : "–";
	}

	/** The requests not admitted, by code, e.g. {@code 3 (OVERLOADED ×3)}; {@code 0}. */
	private static String errors(Tally tally) {
		long errors = tally.sent() - tally.count(Outcome.Kind.ADMITTED);
		if (errors == 0) {
			return "0";
		}
		List<String> codes = new ArrayList<>();
		if (tally.failed() > 0) {
			codes.add(tally.failures());
		}
		if (tally.count(Outcome.Kind.RATE_LIMITED) > 0) {
			codes.add("RATE_LIMITED ×" + tally.count(Outcome.Kind.RATE_LIMITED));
		}
		return errors + " (" + String.join(", ", codes) + ")";
	}

	private static String percent(OptionalDouble ratio) {
		return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f %%", 100 * ratio.getAsDouble()) : "n/a";
	}

	static String mebibytes(long bytes) {
		return String.format(Locale.ROOT, "%,d MiB", bytes / MEBIBYTE);
	}

}
