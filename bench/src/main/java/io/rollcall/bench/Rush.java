package io.rollcall.bench;

import io.rollcall.schema.event.InteractionEvent;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Scenario g, issue #12's morning rush: managers of the big tenant run their dashboards
 * (the {@link DashboardQuery#managerMix() manager's mix}: the seven queries of scenario
 * e, the per-rep table at 50 rows) while events stream into the same tenant and program,
 * on three paths measured one after another under the same writes and concurrency: the
 * gateway with its defaults (result cache, rollups), the same searches straight to
 * Elasticsearch ("direct"), and what a team without Rollcall would send, aggregations
 * over the raw events ("plain"; {@link DashboardQuery#plain()}).
 *
 * <p>
 * A cell is one path at one concurrency ({@link #CLIENTS}), with or without writes, for
 * the same time: closed-loop clients ({@link ClosedLoop}), each cycling through the mix
 * from its own starting query, each with its own token; with writes, {@code rate} events
 * a second through {@code POST /v1/events} ({@value Freshness#REQUESTS_PER_SECOND}
 * requests a second, open-loop from {@value #WRITERS} clients: new events of the tenant's
 * existing reps, in its one program) and the {@link FreshnessProbe}. The cells without
 * writes come first (1, 16, 64 clients), then those with writes (64, 16, 1: the headline
 * cell first, on the data closest to the loaded data set); within each concurrency the
 * three paths take turns going first. Before each cell the indexer has worked off the
 * stream, so a cell does not pay for the last one's writes.
 *
 * <p>
 * Measured per cell: every answer (admitted, or its error code), the admitted answers'
 * latencies, overall and per query; the gateway's result-cache look-ups (the api's
 * {@code rollcall.cache.requests} counter, when it has one); Redis's commands
 * ({@code INFO commandstats}); and in the headline gateway cell, when the apps run as
 * processes of their own, their resident set (sampled every second) and heap after a full
 * collection (at the end of the cell, the writes still running).
 *
 * <p>
 * Before the cells: each query once by the gateway and by plain Elasticsearch, their
 * answers compared ({@link PlainAnswers}); then the whole mix on every path for the
 * warm-up time, untimed. Every request has a {@link #TIMEOUT} (the gateway's own request
 * deadline), so a cell ends at most that long after its time; the phase ends by itself.
 * The shard request cache is off, as in scenario e.
 */
final class Rush {

	/** The concurrencies measured, managers with a dashboard open at once. */
	static final List<Integer> CLIENTS = List.of(1, 16, 64);

	/** The concurrency of issue #12's targets. */
	static final int HEADLINE_CLIENTS = 64;

	/**
	 * The client's timeout of every request: the gateway's request deadline
	 * ({@code rollcall.isolation.request-timeout}, 15 s).
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(15);

	static final int WRITERS = 4;

	/** The warm-up's clients on each path. */
	private static final int WARMUP_CLIENTS = 16;

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration RESIDENT_SAMPLING = Duration.ofSeconds(1);

	private final BenchStack stack;

	private final DirectElasticsearch direct;

	private final Dataset dataset;

	private final List<DashboardQuery> mix = DashboardQuery.managerMix();

	/**
	 * Each path's own HTTP client, so that one path's connections never queue another's.
	 */
	private final JsonHttp gatewayHttp = new JsonHttp();

	private final JsonHttp writeHttp = new JsonHttp();

	private final AtomicLong written = new AtomicLong();

	Rush(BenchStack stack, DirectElasticsearch direct, Dataset dataset) {
		this.stack = stack;
		this.direct = direct;
		this.dataset = dataset;
	}

	Result run(BenchOptions.Rush options, Duration warmup) {
		this.direct.disableRequestCache(this.stack.indices());
		this.stack.backlog().awaitDrained(DRAIN_TIMEOUT);
		List<String> tokens = IntStream.range(0, HEADLINE_CLIENTS)
			.mapToObj(i -> this.stack.token(Tenant.DEMO))
			.toList();
		String writer = this.stack.token(Tenant.DEMO);
		Searches direct = searches();
		Searches plain = searches();
		Map<ReadPath, Reader> readers = Map.of(ReadPath.GATEWAY, (client, query) -> gateway(tokens.get(client), query),
				ReadPath.DIRECT,
				(client, query) -> direct.send(Tenant.DEMO, query.requests(), query.placeholders()).outcome(),
				ReadPath.PLAIN,
				(client, query) -> plain.send(Tenant.DEMO, query.plain(), query.placeholders()).outcome());
		List<PlainAnswers.Comparison> answers = compareAnswers(writer, plain);
		for (ReadPath path : ReadPath.values()) {
			ClosedLoop.run(WARMUP_CLIENTS, warmup.dividedBy(ReadPath.values().length),
					(client, request) -> readers.get(path).read(client, query(client, request)));
		}
		long repsBefore = activeReps(writer);
		long eventsBefore = this.direct.count(this.stack.indices().events(), Tenant.DEMO);
		FreshnessProbe probe = new FreshnessProbe(this.stack, writer, repsBefore, TIMEOUT);
		List<Cell> cells = new ArrayList<>();
		int turn = 0;
		for (boolean writes : List.of(false, true)) {
			for (int clients : writes ? CLIENTS.reversed() : CLIENTS) {
				for (int p = 0; p < ReadPath.values().length; p++) {
					ReadPath path = ReadPath.values()[(turn + p) % ReadPath.values().length];
					System.out.printf("rush: %d clients, %s, %s%n", clients, writes ? "writes" : "no writes", path);
					cells.add(cell(clients, writes, path, readers.get(path), options, writer, probe));
				}
				turn++;
			}
		}
		this.stack.backlog().awaitDrained(DRAIN_TIMEOUT);
		long eventsAfter = this.direct.count(this.stack.indices().events(), Tenant.DEMO);
		return new Result(options, answers, repsBefore, eventsBefore, eventsAfter, cells);
	}

	private Searches searches() {
		return new Searches(new DirectElasticsearch(new JsonHttp(), this.stack.elasticsearchUrl()),
				this.stack.indices(), this.stack.searchTimeout(), TIMEOUT);
	}

	/** Client {@code client}'s request {@code request}: the mix from its own offset. */
	private DashboardQuery query(int client, long request) {
		return this.mix.get((int) ((client + request) % this.mix.size()));
	}

	private Cell cell(int clients, boolean writes, ReadPath path, Reader reader, BenchOptions.Rush options,
			String writer, FreshnessProbe probe) {
		this.stack.backlog().awaitDrained(DRAIN_TIMEOUT);
		Map<String, Long> redisBefore = this.stack.redisCommands().calls();
		CacheLookups cacheBefore = CacheLookups.read(this.stack.apps());
		Tally reads = new Tally();
		Map<String, Tally> byQuery = new LinkedHashMap<>();
		this.mix.forEach(query -> byQuery.put(query.name(), new Tally()));
		Tally writeTally = new Tally();
		List<AppProcess> measured = (path == ReadPath.GATEWAY && writes && clients == HEADLINE_CLIENTS)
				? this.stack.apps().processes() : List.of();
		Map<AppProcess, AtomicLong> resident = new LinkedHashMap<>();
		measured.forEach(app -> resident.put(app, new AtomicLong()));
		AtomicBoolean reading = new AtomicBoolean(true);
		long deadline = System.nanoTime() + options.time().toNanos();
		Duration elapsed;
		List<AppMemory> memory = new ArrayList<>();
		FreshnessProbe.Window probed = null;
		try (ExecutorService background = Executors.newFixedThreadPool(3)) {
			Future<?> writing = writes ? background.submit(() -> write(options, writer, writeTally)) : null;
			Future<FreshnessProbe.Window> probing = writes ? background.submit(() -> probe.run(deadline)) : null;
			Future<?> sampling = background.submit(() -> sampleResident(resident, reading));
			elapsed = ClosedLoop.run(clients, options.time(), (client, request) -> {
				DashboardQuery query = query(client, request);
				long start = System.nanoTime();
				Outcome outcome = reader.read(client, query);
				Duration latency = Duration.ofNanos(System.nanoTime() - start);
				reads.add(outcome, latency, Duration.ZERO);
				byQuery.get(query.name()).add(outcome, latency, Duration.ZERO);
			});
			reading.set(false);
			Parallel.await(sampling, "sampling the resident sets");
			for (AppProcess app : measured) {
				memory.add(new AppMemory(app.name(), app.pid(), resident.get(app).get(), app.heapAfterGc()));
			}
			if (writing != null) {
				Parallel.await(writing, "the writes");
				probed = Parallel.await(probing, "the freshness probe");
			}
		}
		CacheLookups cache = CacheLookups.read(this.stack.apps()).minus(cacheBefore);
		Map<String, Long> redis = RedisCommandStats.delta(redisBefore, this.stack.redisCommands().calls());
		return new Cell(clients, writes, path, elapsed, reads, byQuery, writes ? writeTally : null, probed, cache,
				redis, memory);
	}

	/** The gateway with its defaults: {@code POST /graphql} with the manager's token. */
	private Outcome gateway(String token, DashboardQuery query) {
		try {
			HttpResponse<String> response = this.gatewayHttp.post(this.stack.api("graphql"), token, "application/json",
					query.graphQlRequest(), TIMEOUT);
			return Outcome.of(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").isPresent(), query.name());
		}
		catch (UncheckedIOException ex) {
			return Outcome.unanswered(ex);
		}
	}

	/**
	 * The cell's writes: {@code rate} events a second for the cell's time, as
	 * {@value Freshness#REQUESTS_PER_SECOND} requests a second of new events of the big
	 * tenant (fresh ids, its reps, its program).
	 */
	private void write(BenchOptions.Rush options, String token, Tally tally) {
		int perRequest = Math.max(1, options.rate() / Freshness.REQUESTS_PER_SECOND);
		List<InteractionEvent> template = this.dataset.big().events();
		Pacing.of(Freshness.REQUESTS_PER_SECOND, WRITERS, options.time()).run((index, late) -> {
			List<InteractionEvent> events = Dataset.copies(template, "rush-", this.written.getAndAdd(perRequest),
					perRequest);
			long start = System.nanoTime();
			Outcome outcome;
			try {
				HttpResponse<String> response = this.writeHttp.post(this.stack.api("v1/events"), token,
						"application/json", JsonHttp.JSON.writeValueAsString(events), TIMEOUT);
				outcome = Outcome.ofWrite(response.statusCode(), response.body(),
						response.headers().firstValue("Retry-After").isPresent());
			}
			catch (UncheckedIOException ex) {
				outcome = Outcome.unanswered(ex);
			}
			tally.add(outcome, Duration.ofNanos(System.nanoTime() - start), late);
		});
	}

	/** The largest resident set of each app while the clients read. */
	private static void sampleResident(Map<AppProcess, AtomicLong> largest, AtomicBoolean reading) {
		while (reading.get() && !largest.isEmpty()) {
			largest.forEach((app, max) -> max.accumulateAndGet(app.residentBytes(), Math::max));
			DirectElasticsearch.pause(RESIDENT_SAMPLING);
		}
	}

	/**
	 * Each query once through the uncached gateway and by the plain requests: whether the
	 * plain design answers the same questions.
	 */
	private List<PlainAnswers.Comparison> compareAnswers(String token, Searches plain) {
		List<PlainAnswers.Comparison> comparisons = new ArrayList<>();
		for (DashboardQuery query : this.mix) {
			JsonNode data = JsonHttp
				.json(this.gatewayHttp.post(this.stack.uncachedApi("graphql"), token, "application/json",
						query.graphQlRequest(), TIMEOUT))
				.path("data")
				.path(query.name());
			List<JsonNode> pages = plain.send(Tenant.DEMO, query.plain(), query.placeholders()).orThrow(query.name());
			comparisons.add(PlainAnswers.compare(query.name(), data, pages));
		}
		return comparisons;
	}

	/** The program's {@code activeReps}, from the uncached gateway. */
	private long activeReps(String token) {
		DashboardQuery summary = DashboardQuery.named(FreshnessProbe.SUMMARY, this.mix);
		return JsonHttp
			.json(this.gatewayHttp.post(this.stack.uncachedApi("graphql"), token, "application/json",
					summary.graphQlRequest(), TIMEOUT))
			.path("data")
			.path(FreshnessProbe.SUMMARY)
			.path("activeReps")
			.asLong();
	}

	/** Sends one query on one path and classifies the answer. */
	@FunctionalInterface
	private interface Reader {

		Outcome read(int client, DashboardQuery query);

	}

	/**
	 * An app's memory in the headline gateway cell.
	 *
	 * @param app the app's process name
	 * @param pid its process id
	 * @param largestResident its largest resident set sampled while the clients read
	 * @param heap its heap after a full collection at the end of the cell
	 */
	record AppMemory(String app, long pid, long largestResident, AppProcess.Heap heap) {
	}

	/**
	 * One path at one concurrency, with or without writes.
	 *
	 * @param clients the closed-loop clients
	 * @param writes whether events streamed in meanwhile
	 * @param path the path measured
	 * @param elapsed from the clients' start to the last answer
	 * @param reads every answer
	 * @param byQuery every answer, by query
	 * @param written the writes' outcomes ({@code null} without writes)
	 * @param probe the freshness probe's ({@code null} without writes)
	 * @param cache the cached api's look-ups during the cell
	 * @param redis Redis commands from the cell's start until its writes and probes
	 * ended, by command
	 * @param memory the apps' memory (headline gateway cell, apps as processes only)
	 */
	record Cell(int clients, boolean writes, ReadPath path, Duration elapsed, Tally reads, Map<String, Tally> byQuery,
			Tally written, FreshnessProbe.Window probe, CacheLookups cache, Map<String, Long> redis,
			List<AppMemory> memory) {

		/** Admitted answers per second. */
		double throughput() {
			return this.reads.count(Outcome.Kind.ADMITTED) / (this.elapsed.toNanos() / 1e9);
		}

	}

	/**
	 * What the phase measured.
	 *
	 * @param options its time and write rate
	 * @param answers the plain requests' answers next to the gateway's
	 * @param repsBefore the program's active reps before the first probe
	 * @param eventsBefore the big tenant's searchable events before the first cell
	 * @param eventsAfter and after the last
	 * @param cells every cell, in the order they ran
	 */
	record Result(BenchOptions.Rush options, List<PlainAnswers.Comparison> answers, long repsBefore, long eventsBefore,
			long eventsAfter, List<Cell> cells) {

		Cell cell(int clients, boolean writes, ReadPath path) {
			return this.cells.stream()
				.filter(cell -> cell.clients() == clients && cell.writes() == writes && cell.path() == path)
				.findFirst()
				.orElseThrow();
		}

		/** The cell of the targets: 64 clients with writes. */
		Cell headline(ReadPath path) {
			return cell(HEADLINE_CLIENTS, true, path);
		}

		/**
		 * Redis commands per GraphQL request of the managers: the gateway cell's commands
		 * less those of the plain cell of the same concurrency and writes, over the
		 * gateway cell's requests. Both cells write the same fixed number of requests and
		 * probe as often (the plain path itself sends nothing to Redis), so what is left
		 * is the managers' queries; without writes the plain cell's commands are the
		 * indexer's idle polling.
		 */
		double redisPerGraphQlRequest(int clients, boolean writes) {
			return redisByCommand(clients, writes).values().stream().mapToDouble(Double::doubleValue).sum();
		}

		/**
		 * {@link #redisPerGraphQlRequest} by Redis command, the commands with the most
		 * calls first.
		 */
		Map<String, Double> redisByCommand(int clients, boolean writes) {
			Cell gateway = cell(clients, writes, ReadPath.GATEWAY);
			Map<String, Long> plain = cell(clients, writes, ReadPath.PLAIN).redis();
			Map<String, Double> perRequest = new LinkedHashMap<>();
			Set<String> commands = new TreeSet<>(gateway.redis().keySet());
			commands.addAll(plain.keySet());
			commands.stream()
				.map(command -> Map.entry(command,
						(double) (gateway.redis().getOrDefault(command, 0L) - plain.getOrDefault(command, 0L))
								/ gateway.reads().sent()))
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach(entry -> perRequest.put(entry.getKey(), entry.getValue()));
			return perRequest;
		}

		/** Every probe of the phase, all cells with writes together. */
		List<FreshnessProbe.Window> probes() {
			return this.cells.stream().map(Cell::probe).filter(probe -> probe != null).toList();
		}

		/** The acknowledged probe writes' latencies, all cells. */
		List<Duration> probeLatencies() {
			return probes().stream().flatMap(probe -> probe.writeLatencies().stream()).toList();
		}

		/** The apps' memory, when measured. */
		Optional<List<AppMemory>> memory() {
			List<AppMemory> memory = headline(ReadPath.GATEWAY).memory();
			return memory.isEmpty() ? Optional.empty() : Optional.of(memory);
		}

	}

}
