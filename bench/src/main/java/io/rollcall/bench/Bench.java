package io.rollcall.bench;

import io.rollcall.bench.BenchOptions.Phase;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark of issues #3, #4, #6 and #12: starts its own stack on loopback, generates
 * the dataset, runs the scenarios in order (each bounded in requests and time) and writes
 * medians and ratios of this one run to {@code bench/target/bench-results.md}, its charts
 * to {@code bench/target/charts/}. See {@code docs/PERFORMANCE.md} for the command and
 * what each scenario measures.
 */
public final class Bench {

	static final String COMMAND = "./mvnw -q -pl bench -am test-compile exec:java";

	private Bench() {
	}

	public static void main(String[] args) {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		run(options);
	}

	static void run(BenchOptions options) {
		Report report = new Report(options.output());
		Machine machine = Machine.current();
		report.line("# Rollcall benchmark results\n");
		report.line("- Run: " + Instant.now() + ", command `" + command(options) + "`");
		report.line("- Machine: " + machine.processors() + " CPUs, " + machine.memory() + " RAM, " + machine.os()
				+ ", JDK " + machine.jdk() + "; load average at start " + machine.loadAverage());
		report.line("- Topology " + options.topology().name().toLowerCase(Locale.ROOT) + ": Elasticsearch "
				+ ElasticsearchNode.version() + switch (options.topology()) {
					case SINGLE -> ", heap " + options.elasticsearchHeap() + ", 1 shard; Redis";
					case CLUSTER -> ", 3 nodes of heap " + options.elasticsearchHeap()
							+ " each, 3 shards and 1 replica per index; a Redis Cluster of 3 masters with a replica each";
				} + ", dev issuer, indexer and api on loopback, " + switch (options.apps()) {
					case JVM -> "the apps in the benchmark's JVM";
					case PROCESSES -> "the apps each in a process of its own (from their executable jars)";
				});
		long generating = System.nanoTime();
		Dataset dataset = Dataset.generate(options.events());
		report.line("- Dataset: " + dataset.describe() + " (generated in "
				+ seconds(Duration.ofNanos(System.nanoTime() - generating)) + ")");
		JsonHttp http = new JsonHttp();
		Path charts = options.output().toAbsolutePath().resolveSibling("charts");
		Freshness.Result freshness = null;
		Rush.Result rush = null;
		try (BenchStack stack = BenchStack.start(options.elasticsearchHeap(), options.topology(), options.apps(),
				options.output().toAbsolutePath().resolveSibling("apps"))) {
			DirectElasticsearch direct = new DirectElasticsearch(http, stack.elasticsearchUrl());
			if (options.runs(Phase.INGEST)) {
				ingest(report, new RawBulk(stack.elasticsearchUrl(), direct, stack.indices()).run(dataset),
						new EndToEndIngest(stack, http, direct).run(dataset));
			}
			else {
				loaded(report, new EndToEndIngest(stack, http, direct).run(dataset));
			}
			report.line("- Elasticsearch store after the load: " + direct.storeSizes(stack.indices()));
			if (options.runs(Phase.FRESHNESS) && stack.indexerMeters().isEmpty()) {
				report.line("\nFreshness (scenario c) not measured: it reads the indexer's lag timer in this JVM,"
						+ " and the apps ran as processes of their own (`--apps processes`).");
			}
			else if (options.runs(Phase.FRESHNESS)) {
				freshness = new Freshness(stack, http, direct).run(dataset, options.freshnessRate(),
						options.freshnessTime());
				freshness(report, freshness);
			}
			if (options.runs(Phase.REMOVALS)) {
				removals(report, new ContactRemovals(stack, http, direct).run(dataset, options.removals()));
			}
			if (options.runs(Phase.DASHBOARDS)) {
				dashboards(report, new DashboardLatency(stack, http, direct).run(DashboardQuery.all(),
						options.warmupTime(), options.warmup(), options.iterations()));
			}
			if (options.runs(Phase.NOISY)) {
				noisy(report, new NoisyNeighbour(stack, direct).run(options.noisyTime()));
			}
			if (options.runs(Phase.RUSH)) {
				rush = new Rush(stack, direct, dataset).run(options.rush(), options.warmupTime());
				RushReport.write(report, rush, stack.redisCommands().servers());
			}
			if (options.runs(Phase.CHANGES)) {
				changes(report, new ChangeFeedLoad(stack, http).run(dataset, options.changesRate(),
						options.changesTime(), options.replayChanges()));
			}
		}
		charts(report, options, charts, freshness, rush);
		report.line("\nLoad average at the end: " + Machine.currentLoadAverage() + ". Results: " + report.output());
	}

	private static void ingest(Report report, Throughput raw, Throughput endToEnd) {
		double ratio = endToEnd.eventsPerSecond() / raw.eventsPerSecond();
		report.heading("Ingest (issue #3)");
		report.table(List.of("scenario", "result", "target"), List.of(
				List.of("a. raw bulk into Elasticsearch (5,000-doc bulks, 2 clients)", raw.toString(), "baseline"),
				List.of("b. end-to-end: POST /v1/events (5,000-event batches, 2 clients) until searchable",
						endToEnd.toString(), ""),
				List.of("ratio end-to-end / raw", String.format(Locale.ROOT, "%.2f", ratio),
						"≥ 0.6 " + verdict(ratio >= 0.6))));
	}

	/**
	 * The dataset loaded without the ingest phase: through the api, as scenario b loads
	 * it (the only path that also writes the contacts and the progress rollups the
	 * dashboards read), but not a measurement.
	 */
	private static void loaded(Report report, Throughput load) {
		report.line("- Loaded through the api, untimed (the ingest phase was not selected): " + load);
	}

	private static void freshness(Report report, Freshness.Result result) {
		report.heading("Freshness (issue #3): accept → visible under steady load");
		report.line("Measured by the indexer's `" + BenchStack.VISIBLE_LAG
				+ "` timer (one sample per write request), read from its registry in this JVM.\n");
		report.table(List.of("sent", "samples", "p50", "p95", "p99", "max", "target p99 ≤ 1.5 s"),
				List.of(List.of(result.sent().toString(), Long.toString(result.samples()),
						Latencies.millis(result.p50()), Latencies.millis(result.p95()), Latencies.millis(result.p99()),
						Latencies.millis(result.max()),
						verdict(result.p99().compareTo(Duration.ofMillis(1500)) <= 0))));
	}

	private static void removals(Report report, ContactRemovals.Result result) {
		Latencies latencies = result.latencies();
		report.heading("removeContact (issue #3): DELETE /v1/contacts/{id}, sequential");
		report.table(
				List.of("removals", "events per contact (mean)", "p50", "p95", "max", "target p95 ≤ 1 s (#3)",
						"target p95 ≤ 300 ms (#12)"),
				List.of(List.of(Integer.toString(latencies.count()),
						String.format(Locale.ROOT, "%.0f", result.meanEventsPerContact()),
						Latencies.millis(latencies.p50()), Latencies.millis(latencies.p95()),
						Latencies.millis(latencies.max()),
						verdict(latencies.p95().compareTo(Duration.ofSeconds(1)) <= 0),
						verdict(latencies.p95().compareTo(Duration.ofMillis(300)) <= 0))));
	}

	private static void dashboards(Report report, List<DashboardLatency.Result> results) {
		report.heading("Dashboard queries (issue #4): gateway vs. straight to Elasticsearch, big tenant");
		report.line("The gateway with its result cache off (`rollcall.cache.enabled=false`, a second api instance)"
				+ " is the target's comparison; with the cache on, no tenant writes during this phase, so it"
				+ " measures cache hits. Direct: the same searches the gateway sends, one after another.\n");
		List<List<String>> rows = new ArrayList<>();
		for (DashboardLatency.Result result : results) {
			boolean searches = result.searches() > 0;
			rows.add(List.of(result.query(), Integer.toString(result.searches()),
					Integer.toString(result.direct().count()), Latencies.millis(result.uncached().p50()),
					Latencies.millis(result.uncached().p95()), Latencies.millis(result.cached().p50()),
					Latencies.millis(result.cached().p95()), Latencies.millis(result.direct().p50()),
					Latencies.millis(result.direct().p95()),
					Latencies.millis(result.uncached().p50().minus(result.direct().p50())),
					String.format(Locale.ROOT, "%.2f×", result.uncachedRatioAtP50()),
					String.format(Locale.ROOT, "%.2f×", result.cachedRatioAtP50()),
					searches ? "≤ 1.15× or ≤ 3 ms " + verdict(result.meetsOverheadTarget()) : "(reference)"));
		}
		report.table(List.of("query", "searches", "iterations", "gateway p50", "gateway p95", "cached p50",
				"cached p95", "direct p50", "direct p95", "gateway − direct p50", "gateway/direct p50",
				"cached/direct p50", "target (uncached)"), rows);
		report.line("The last row is the fixed cost of a request: `{ __typename }` through the gateways (token"
				+ " check, rate limit, GraphQL, JSON) next to Elasticsearch's `GET /_cluster/health`, neither searching.\n");
	}

	private static void noisy(Report report, NoisyNeighbour.Result result) {
		Pacing flood = result.flood();
		Pacing neighbour = result.neighbour();
		Tally flooding = result.flooding();
		report.heading("Noisy neighbour (issue #6): tenant demo floods repProgress, tenant other's dashboards");
		report.line(String.format(Locale.ROOT,
				"Through a third api instance (result cache off). Tenant `demo` (A) has the standard plan's sustained"
						+ " %,d cost units/s on its tenant and client buckets and a burst of %,d units;"
						+ " `repProgress(first: 500)` is priced %,d units (`requestedQueryCost`), so A's quota is"
						+ " %.2f queries/s. A offers %d× that, %.2f queries/s (%,d requests), from %d clients,"
						+ " open-loop, never waiting for Retry-After. Tenant `other` (B, unlimited) runs the %d"
						+ " dashboard queries in turn, %.0f queries/s from %d clients (%,d requests per window),"
						+ " alone, then with A flooding; HTTP timeout %d s.\n",
				NoisyNeighbour.QUOTA, NoisyNeighbour.BURST, result.requestedCost(), result.quota(),
				NoisyNeighbour.FLOOD_FACTOR, flood.rate(), flood.requests(), flood.clients(),
				DashboardQuery.all().size(), neighbour.rate(), neighbour.clients(), neighbour.requests(),
				NoisyNeighbour.TIMEOUT_SECONDS));
		report.table(
				List.of("B's window", "requests", "admitted", "5xx", "timeouts", "failures", "started late", "p50",
						"p95", "max"),
				List.of(neighbourRow("alone", result.alone()), neighbourRow("with A flooding", result.together())));
		report.line("");
		double floodSeconds = result.floodTime().toNanos() / 1e9;
		long admitted = flooding.count(Outcome.Kind.ADMITTED);
		report.table(
				List.of("A sent", "in", "admitted", "admitted/s", "admitted units/s", "RATE_LIMITED",
						"429 without Retry-After", "timeouts", "5xx", "failures"),
				List.of(List.of(String.format(Locale.ROOT, "%,d", flooding.sent()), seconds(result.floodTime()),
						String.format(Locale.ROOT, "%,d", admitted),
						String.format(Locale.ROOT, "%.2f", admitted / floodSeconds),
						String.format(Locale.ROOT, "%,.0f", flooding.admittedCost() / floodSeconds),
						String.format(Locale.ROOT, "%,d", flooding.count(Outcome.Kind.RATE_LIMITED)),
						Long.toString(flooding.missingRetryAfter()),
						Long.toString(flooding.count(Outcome.Kind.TIMEOUT)),
						Long.toString(flooding.count(Outcome.Kind.SERVER_ERROR)), flooding.failures())));
		report.line(String.format(Locale.ROOT,
				"\nA's admitted pages cost %,d units (actual cost, after refunds) in %.1f s; its plan allows at most"
						+ " %,d + %,d/s × %.1f s = %,.0f.\n",
				flooding.admittedCost(), floodSeconds, NoisyNeighbour.BURST, NoisyNeighbour.QUOTA, floodSeconds,
				NoisyNeighbour.BURST + NoisyNeighbour.QUOTA * floodSeconds));
		report
			.table(List.of("check", "measured", "target"), List.of(
					List.of("B's p95 with A flooding / B's p95 alone", String.format(Locale.ROOT, "%.2f×",
							result.p95Ratio()), "≤ 1.25× " + verdict(result.p95Ratio() <= 1.25)),
					List.of("A's excess (sent − admitted) answered",
							String.format(Locale.ROOT, "%,d of %,d with RATE_LIMITED",
									flooding.count(Outcome.Kind.RATE_LIMITED), flooding.sent() - admitted),
							"all RATE_LIMITED with Retry-After, no timeouts " + verdict(result.excessRateLimited())),
					List.of("5xx, A and B", Long.toString(result.serverErrors()),
							"0 " + verdict(result.serverErrors() == 0)),
					List.of("B's requests not admitted", Long.toString(result.neighbourErrors()),
							"0 " + verdict(result.neighbourErrors() == 0))));
	}

	private static void changes(Report report, ChangeFeedLoad.Result result) {
		Latencies latencies = result.latencies();
		report.heading("Change feed (issue #11): " + ChangeFeedLoad.SUBSCRIPTIONS + " subscriptions under writes");
		report.line(String.format(Locale.ROOT,
				"Tenant `other`: %d `changes` subscriptions on the whole tenant, %d each on one of %d programs, %d per"
						+ " connection, while %s are written through the api (accepted, not waited for). accept →"
						+ " delivered: from the 202 of the write to the `EVENT_APPLIED` at the client, one sample per"
						+ " delivery.\n",
				ChangeFeedLoad.WHOLE_TENANT, ChangeFeedLoad.SUBSCRIPTIONS - ChangeFeedLoad.WHOLE_TENANT,
				ChangeFeedLoad.PROGRAMS, ChangeFeedLoad.PER_SOCKET, result.written()));
		report.table(List.of("deliveries due", "received", "p50", "p95", "p99", "max", "target p99 ≤ 1.5 s"),
				List.of(List.of(String.format(Locale.ROOT, "%,d", result.due()),
						String.format(Locale.ROOT, "%,d", result.delivered()), Latencies.millis(latencies.p50()),
						Latencies.millis(latencies.p95()), Latencies.millis(latencies.p99()),
						Latencies.millis(latencies.max()), verdict(result.delivered() == result.due()
								&& latencies.p99().compareTo(Duration.ofMillis(1500)) <= 0))));
		report.line("");
		report.table(List.of("check", "measured"), List.of(List.of("replay from the beginning of tenant demo's log",
				String.format(Locale.ROOT, "%,.0f changes/s (%,d changes in %s)", result.replay().changesPerSecond(),
						result.replay().replayed(), seconds(result.replay().elapsed()))),
				List.of("heap per 1,000 subscriptions (api and clients, one JVM)",
						String.format(Locale.ROOT, "%.1f MB", result.heapPerThousand() / 1e6))));
	}

	private static List<String> neighbourRow(String window, Tally tally) {
		List<String> counts = List.of(window, Long.toString(tally.sent()),
				Long.toString(tally.count(Outcome.Kind.ADMITTED)),
				Long.toString(tally.count(Outcome.Kind.SERVER_ERROR)), Long.toString(tally.count(Outcome.Kind.TIMEOUT)),
				tally.failures(), Long.toString(tally.late()));
		if (!tally.anyAdmitted()) {
			return Stream.concat(counts.stream(), Stream.of("–", "–", "–")).toList();
		}
		Latencies latencies = tally.latencies();
		return Stream.concat(counts.stream(), Stream.of(Latencies.millis(latencies.p50()),
				Latencies.millis(latencies.p95()), Latencies.millis(latencies.max())))
			.toList();
	}

	/**
	 * The charts of what was measured, under {@code directory} and, with
	 * {@code --write-docs-charts}, copied to {@code docs/performance/}.
	 */
	private static void charts(Report report, BenchOptions options, Path directory, Freshness.Result freshness,
			Rush.Result rush) {
		List<Path> written = new ArrayList<>();
		if (rush != null) {
			written.addAll(Charts.rush(rush, directory));
		}
		if (freshness != null || rush != null) {
			written.add(Charts.freshness((freshness != null) ? freshness.histogram() : null,
					(rush != null) ? LagHistogram.of(rush.probeLatencies()) : null, directory));
		}
		if (written.isEmpty()) {
			return;
		}
		report.line("\nCharts: " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
		if (options.docsCharts()) {
			Path docs = root().resolve("docs").resolve("performance");
			Charts.copy(written, docs);
			report.line("Copied to " + docs + ".");
		}
	}

	/**
	 * The repository's root: the {@code bench.root} system property the pom sets, else
	 * the working directory.
	 */
	static Path root() {
		return Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
	}

	static String command(BenchOptions options) {
		return options.args().isEmpty() ? COMMAND
				: COMMAND + " -Dexec.args=\"" + String.join(" ", options.args()) + "\"";
	}

	static String verdict(boolean met) {
		return met ? "(met)" : "(missed)";
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
	}

}
