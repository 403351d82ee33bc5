package io.rollcall.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does; every field has a command-line option
 * ({@code --name value}, or a bare flag).
 *
 * @param events the target size of the big tenant ({@code --events}, default 2,000,000;
 * the generator lands near it); {@code --quick} sets 100,000 and shorter phases
 * @param freshnessRate events per second offered through the api during the freshness
 * phase ({@code --freshness-rate})
 * @param freshnessTime how long the freshness phase offers them
 * ({@code --freshness-seconds})
 * @param removals how many contacts the removal phase removes ({@code --removals})
 * @param warmupTime how long the dashboard phase first sends the whole query mix on every
 * path, untimed, so that the JIT has compiled the request paths
 * ({@code --warmup-seconds}, default 60, 15 with {@code --quick})
 * @param warmup untimed iterations of each dashboard query and path right before its
 * timed ones ({@code --warmup})
 * @param iterations timed iterations of each dashboard query and path
 * ({@code --iterations})
 * @param noisyTime how long each of the noisy-neighbour phase's two windows (the small
 * tenant alone, then with the big tenant flooding) lasts ({@code --noisy-seconds},
 * default 30, 10 with {@code --quick})
 * @param changesRate events per second written through the api while the change feed
 * phase's subscriptions listen ({@code --changes-rate}, default 2,000)
 * @param changesTime how long the change feed phase writes them
 * ({@code --changes-seconds}, default 60, 10 with {@code --quick})
 * @param replayChanges how many changes the change feed phase replays from the beginning
 * of the big tenant's log ({@code --replay-changes}, default 1,000,000, 50,000 with
 * {@code --quick}; at most what the log holds)
 * @param phases the phases to run ({@code --only ingest,noisy}, default all); the dataset
 * is loaded even when {@code ingest} is not among them, untimed
 * @param elasticsearchHeap the heap of the benchmark's own Elasticsearch node, or of each
 * node of its cluster ({@code --es-heap}, default 2g as in DESIGN.md's measurements, 1g
 * per node with {@code --topology cluster})
 * @param topology what the benchmark runs on ({@code --topology single|cluster}, default
 * single): one Elasticsearch node and one Redis with 1 shard per index, or devstack's
 * cluster topology, 3 Elasticsearch nodes with 3 shards and 1 replica per index and a
 * Redis Cluster of 3 masters with a replica each
 * @param output where the markdown results go ({@code --output}, default the
 * {@code bench.output} system property set by the pom, else
 * {@code bench/target/bench-results.md}); the charts go to {@code charts/} next to it
 * @param rush the morning-rush phase's cells ({@code --rush-seconds}, default 60, 10 with
 * {@code --quick}; {@code --rush-rate}, default 2,000 events/s)
 * @param apps where the indexer and the api run ({@code --apps jvm}, the default: in the
 * benchmark's JVM; {@code --apps processes}: each in a process of its own from its
 * executable jar, for the memory rows of the morning rush)
 * @param docsCharts whether the charts are also copied to {@code docs/performance/}
 * ({@code --write-docs-charts}, a bare flag)
 * @param args the arguments as given, for the report's exact command
 */
record BenchOptions(int events, int freshnessRate, Duration freshnessTime, int removals, Duration warmupTime,
		int warmup, int iterations, Duration noisyTime, int changesRate, Duration changesTime, int replayChanges,
		Set<Phase> phases, String elasticsearchHeap, Topology topology, Path output, Rush rush, Apps apps,
		boolean docsCharts, List<String> args) {

	static final int FULL_EVENTS = 2_000_000;

	static final int QUICK_EVENTS = 100_000;

	private static final String QUICK = "--quick";

	private static final String DOCS_CHARTS = "--write-docs-charts";

	BenchOptions {
		phases = Set.copyOf(phases);
	}

	static BenchOptions parse(String... args) {
		boolean quick = List.of(args).contains(QUICK);
		boolean docsCharts = List.of(args).contains(DOCS_CHARTS);
		int events = quick ? QUICK_EVENTS : FULL_EVENTS;
		int freshnessRate = 2_000;
		Duration freshnessTime = Duration.ofSeconds(quick ? 10 : 30);
		int removals = quick ? 5 : 24;
		Duration warmupTime = Duration.ofSeconds(quick ? 15 : 60);
		int warmup = quick ? 5 : 10;
		int iterations = quick ? 20 : 50;
		Duration noisyTime = Duration.ofSeconds(quick ? 10 : 30);
		int changesRate = 2_000;
		Duration changesTime = Duration.ofSeconds(quick ? 10 : 60);
		int replayChanges = quick ? 50_000 : 1_000_000;
		Set<Phase> phases = EnumSet.allOf(Phase.class);
		String heap = null;
		Topology topology = Topology.SINGLE;
		Path output = Path.of(System.getProperty("bench.output", "bench/target/bench-results.md"));
		Duration rushTime = Duration.ofSeconds(quick ? 10 : 60);
		int rushRate = 2_000;
		Apps apps = Apps.JVM;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals(QUICK) || name.equals(DOCS_CHARTS)) {
				continue;
			}
			if (i + 1 >= args.length || !name.startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value, got '" + name + "'. " + usage());
			}
			String value = args[++i];
			switch (name) {
				case "--events" -> events = positive(name, value);
				case "--freshness-rate" -> freshnessRate = positive(name, value);
				case "--freshness-seconds" -> freshnessTime = Duration.ofSeconds(positive(name, value));
				case "--removals" -> removals = positive(name, value);
				case "--warmup-seconds" -> warmupTime = Duration.ofSeconds(positive(name, value));
				case "--warmup" -> warmup = positive(name, value);
				case "--iterations" -> iterations = positive(name, value);
				case "--noisy-seconds" -> noisyTime = Duration.ofSeconds(positive(name, value));
				case "--changes-rate" -> changesRate = positive(name, value);
				case "--changes-seconds" -> changesTime = Duration.ofSeconds(positive(name, value));
				case "--replay-changes" -> replayChanges = positive(name, value);
				case "--only" -> phases = Phase.parse(value);
				case "--es-heap" -> heap = value;
				case "--topology" -> topology = Topology.parse(value);
				case "--output" -> output = Path.of(value);
				case "--rush-seconds" -> rushTime = Duration.ofSeconds(positive(name, value));
				case "--rush-rate" -> rushRate = positive(name, value);
				case "--apps" -> apps = Apps.parse(value);
				default -> throw new IllegalArgumentException("Unknown option " + name + ". " + usage());
			}
		}
		return new BenchOptions(events, freshnessRate, freshnessTime, removals, warmupTime, warmup, iterations,
				noisyTime, changesRate, changesTime, replayChanges, phases,
				(heap != null) ? heap : topology.defaultHeap, topology, output, new Rush(rushTime, rushRate), apps,
				docsCharts, List.of(args));
	}

	/** Whether this run measures {@code phase}. */
	boolean runs(Phase phase) {
		return this.phases.contains(phase);
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value.replace("_", ""));
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " needs a positive whole number, got '" + value + "'");
	}

	static String usage() {
		return "Options: --quick | --events N | --freshness-rate N | --freshness-seconds N | --removals N"
				+ " | --warmup-seconds N | --warmup N | --iterations N | --noisy-seconds N | --changes-rate N"
				+ " | --changes-seconds N | --replay-changes N | --only " + Phase.names()
				+ " | --es-heap 2g | --topology single|cluster | --output FILE | --rush-seconds N | --rush-rate N | --apps jvm|processes"
				+ " | --write-docs-charts";
	}

	/**
	 * The morning rush's cells.
	 *
	 * @param time how long each cell's clients send
	 * @param rate events per second written into the big tenant during the cells with
	 * writes
	 */
	record Rush(Duration time, int rate) {
	}

	/** What the benchmark's services are. */
	enum Topology {

		/** One Elasticsearch node (1 shard per index) and one Redis. */
		SINGLE("2g"),
		/**
		 * Three Elasticsearch nodes (3 shards and 1 replica per index) and a Redis
		 * Cluster of three masters with a replica each: on one machine, this measures the
		 * cost of replication and routing, not a speed-up.
		 */
		CLUSTER("1g");

		/** Each Elasticsearch node's heap unless {@code --es-heap} says otherwise. */
		final String defaultHeap;

		Topology(String defaultHeap) {
			this.defaultHeap = defaultHeap;
		}

		static Topology parse(String name) {
			try {
				return valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--topology takes single or cluster, got '" + name + "'");
			}
		}

	}

	/** Where the indexer and the api run. */
	enum Apps {

		/** In the benchmark's JVM, as the local stack runs them. */
		JVM,
		/** Each in a process of its own, from its executable jar, as in production. */
		PROCESSES;

		static Apps parse(String name) {
			try {
				return valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--apps takes jvm or processes, got '" + name + "'");
			}
		}

	}

	/** The measured phases, in the order a run takes them. */
	enum Phase {

		/** Scenarios a and b: raw bulk, then the end-to-end load of the dataset. */
		INGEST,
		/** Scenario c: accept → visible under steady writes. */
		FRESHNESS,
		/** Scenario d: {@code removeContact}. */
		REMOVALS,
		/** Scenario e: each dashboard query, gateway and direct. */
		DASHBOARDS,
		/** Scenario f: the noisy neighbour. */
		NOISY,
		/** Scenario g: the morning rush. */
		RUSH,
		/** Scenario h: the change feed's subscribers under writes, and a replay. */
		CHANGES;

		/** Comma-separated phase names, e.g. {@code ingest,noisy}. */
		static Set<Phase> parse(String names) {
			Set<Phase> phases = EnumSet.noneOf(Phase.class);
			for (String name : names.split(",", -1)) {
				String trimmed = name.trim().toUpperCase(Locale.ROOT);
				try {
					phases.add(Phase.valueOf(trimmed));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							"--only takes phases among " + names() + ", got '" + name.trim() + "'");
				}
			}
			return phases;
		}

		static String names() {
			return Arrays.stream(values())
				.map(phase -> phase.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(","));
		}

	}

}
