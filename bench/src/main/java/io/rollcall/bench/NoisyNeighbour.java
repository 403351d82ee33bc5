package io.rollcall.bench;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Scenario f, issue #6's noisy neighbour: tenant A ({@code demo}, the big tenant) floods
 * {@code repProgress(first: 500)} — its most expensive dashboard query, a 500-row page
 * read from Elasticsearch on every call — at {@value #FLOOD_FACTOR}× its quota from
 * {@value #FLOOD_CLIENTS} clients, while tenant B ({@code other}) runs the normal
 * dashboard mix (the {@link DashboardQuery#all()} documents in turn). B is measured twice
 * on the same schedule: alone, then with A flooding.
 *
 * <p>
 * Everything goes through {@link BenchStack#limitedApi(String)}: an api with its result
 * cache off (so every admitted query, A's and B's, reaches Elasticsearch) where A has the
 * standard plan's sustained rate, {@value #QUOTA} cost units per second, on its tenant
 * bucket and on its client's bucket (a runaway script is one OAuth client; giving the
 * client the tenant's whole rate makes the tenant bucket the limit, and lets A spend
 * everything its tenant may, the worst case for B), and a burst of only {@value #BURST}
 * units instead of the plan's 200,000: with the plan's burst A would get some 65 full
 * pages through before the limit bit, so a window of tens of seconds would measure the
 * burst, not the sustained limit. B keeps the benchmark's unlimited buckets: its latency,
 * not its quota, is what the phase measures.
 *
 * <p>
 * A's quota in queries per second is {@value #QUOTA} over the page's requested cost, read
 * from the gateway's {@code extensions.cost.requestedQueryCost} (3,055 units by
 * docs/RATE-LIMITS.md). The rate limiter reserves that estimate and refunds what the
 * answer did not use, so on a tenant with fewer than 500 reps (a {@code --quick} run)
 * more pages than the quota get through; with the full dataset every page has 500 rows. A
 * is a runaway script: it ignores {@code Retry-After}, so nearly all of it is refused.
 * Both populations are open-loop ({@link Pacing}): each client keeps its own schedule,
 * whatever the answers, with at most one request in flight; every request has a
 * {@value #TIMEOUT_SECONDS} s HTTP timeout (the gateway's own deadline is 15 s), so a
 * request the gateway fails to answer counts as a timeout, not as a wait. Latency is
 * timed from the moment a request is sent; requests that start more than
 * {@link Tally#LATE} after their slot are counted, so a load generator that fell behind
 * shows.
 *
 * <p>
 * Before the windows, untimed: A's page once through the limited api (its price and the
 * limit it meets, checked against {@value #QUOTA} and {@value #BURST}) and
 * {@value #WARMUP_ROUNDS} times through the unlimited uncached api, and B's mix
 * {@value #WARMUP_ROUNDS} times through the limited api, so that neither window pays for
 * compiling the code paths. The shard request cache is turned off, as in the dashboard
 * phase. Each window sends a fixed number of requests; the phase ends by itself.
 */
final class NoisyNeighbour {

	/**
	 * A's sustained rate in cost units per second: the standard plan's
	 * ({@code RateLimitProperties.STANDARD}).
	 */
	static final long QUOTA = 2_000;

	/** A's burst in cost units: two seconds of {@link #QUOTA}, above one full page. */
	static final long BURST = 4_000;

	static final int FLOOD_FACTOR = 10;

	static final int FLOOD_CLIENTS = 32;

	/** B's offered rate, queries per second (a few managers with dashboards open). */
	static final double NEIGHBOUR_RATE = 10;

	static final int NEIGHBOUR_CLIENTS = 4;

	static final int TIMEOUT_SECONDS = 10;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private static final int WARMUP_ROUNDS = 10;

	private static final String FLOOD_QUERY = "repProgress";

	private final BenchStack stack;

	private final DirectElasticsearch direct;

	/** A's and B's own HTTP clients, so that A's connections do not queue B's. */
	private final JsonHttp floodHttp = new JsonHttp();

	private final JsonHttp neighbourHttp = new JsonHttp();

	NoisyNeighbour(BenchStack stack, DirectElasticsearch direct) {
		this.stack = stack;
		this.direct = direct;
	}

	Result run(Duration window) {
		this.direct.disableRequestCache(this.stack.indices());
		List<DashboardQuery> mix = DashboardQuery.all();
		DashboardQuery flood = DashboardQuery.named(FLOOD_QUERY, mix);
		String floodToken = this.stack.token(Tenant.DEMO);
		String neighbourToken = this.stack.token(Tenant.OTHER);
		long requestedCost = price(flood, floodToken);
		warmUp(flood, floodToken, mix, neighbourToken);
		double quota = (double) QUOTA / requestedCost;
		Pacing floodPacing = Pacing.of(FLOOD_FACTOR * quota, FLOOD_CLIENTS, window);
		Pacing neighbourPacing = Pacing.of(NEIGHBOUR_RATE, NEIGHBOUR_CLIENTS, window);
		Tally alone = neighbour(neighbourPacing, mix, neighbourToken);
		// A's bucket has been full again for most of the window above (BURST / QUOTA s).
		Tally flooding = new Tally();
		Tally together;
		Duration floodTime;
		try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
			Future<Duration> flooded = executor.submit(() -> {
				long start = System.nanoTime();
				floodPacing.run((index, late) -> send(this.floodHttp, flood, floodToken, flooding, late));
				return Duration.ofNanos(System.nanoTime() - start);
			});
			together = neighbour(neighbourPacing, mix, neighbourToken);
			floodTime = Parallel.await(flooded, "the flood");
		}
		return new Result(requestedCost, quota, floodPacing, floodTime, flooding, neighbourPacing, alone, together);
	}

	/**
	 * A's page once through the limited api: its requested cost, after checking that the
	 * limit it met is A's plan of this phase (not the benchmark's unlimited one).
	 */
	private long price(DashboardQuery flood, String token) {
		HttpResponse<String> response = JsonHttp.ok(this.floodHttp.post(this.stack.limitedApi("graphql"), token,
				"application/json", flood.graphQlRequest(), TIMEOUT));
		JsonNode cost = JsonHttp.JSON.readTree(response.body()).path("extensions").path("cost");
		long requested = cost.path("requestedQueryCost").asLong(0);
		JsonNode throttle = cost.path("throttleStatus");
		if (throttle.path("restoreRate").asLong(0) != QUOTA || throttle.path("maximumAvailable").asLong(0) != BURST) {
			throw new IllegalStateException("the limited api does not limit " + Tenant.DEMO.id() + " to " + BURST
					+ " units and " + QUOTA + "/s: " + cost);
		}
		if (requested <= 0 || requested > BURST) {
			throw new IllegalStateException(FLOOD_QUERY + " is priced " + requested + " units; with a burst of " + BURST
					+ " no page could pass: " + cost);
		}
		return requested;
	}

	private void warmUp(DashboardQuery flood, String floodToken, List<DashboardQuery> mix, String neighbourToken) {
		for (int round = 0; round < WARMUP_ROUNDS; round++) {
			expectAdmitted(this.stack.uncachedApi("graphql"), flood, floodToken);
			for (DashboardQuery query : mix) {
				expectAdmitted(this.stack.limitedApi("graphql"), query, neighbourToken);
			}
		}
	}

	private void expectAdmitted(URI graphql, DashboardQuery query, String token) {
		HttpResponse<String> response = this.neighbourHttp.post(graphql, token, "application/json",
				query.graphQlRequest(), TIMEOUT);
		Outcome outcome = Outcome.of(response.statusCode(), response.body(), false, query.name());
		if (outcome.kind() != Outcome.Kind.ADMITTED) {
			throw new IllegalStateException(query.name() + " warm-up was not admitted (" + outcome.code() + "): "
					+ response.statusCode() + " " + response.body());
		}
	}

	/**
	 * B's mix on {@code pacing}: request {@code i} is the mix's query {@code i mod n}.
	 */
	private Tally neighbour(Pacing pacing, List<DashboardQuery> mix, String token) {
		Tally tally = new Tally();
		pacing.run((index, late) -> send(this.neighbourHttp, mix.get(index % mix.size()), token, tally, late));
		return tally;
	}

	private void send(JsonHttp http, DashboardQuery query, String token, Tally tally, Duration late) {
		long start = System.nanoTime();
		Outcome outcome;
		Duration latency;
		try {
			HttpResponse<String> response = http.post(this.stack.limitedApi("graphql"), token, "application/json",
					query.graphQlRequest(), TIMEOUT);
			latency = Duration.ofNanos(System.nanoTime() - start);
			outcome = Outcome.of(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").isPresent(), query.name());
		}
		catch (UncheckedIOException ex) {
			latency = Duration.ofNanos(System.nanoTime() - start);
			outcome = Outcome.unanswered(ex);
		}
		tally.add(outcome, latency, late);
	}

	/**
	 * What the phase measured.
	 *
	 * @param requestedCost the price of A's page, cost units
	 * @param quota A's quota, pages per second ({@link #QUOTA} / {@code requestedCost})
	 * @param flood A's schedule
	 * @param floodTime from A's first request to its last answer
	 * @param flooding A's outcomes
	 * @param neighbour B's schedule (both windows)
	 * @param alone B's outcomes without A
	 * @param together B's outcomes with A flooding
	 */
	record Result(long requestedCost, double quota, Pacing flood, Duration floodTime, Tally flooding, Pacing neighbour,
			Tally alone, Tally together) {

		/**
		 * B's p95 with A flooding over B's p95 alone (target ≤ 1.25); NaN when a window
		 * had no admitted request.
		 */
		double p95Ratio() {
			if (!this.alone.anyAdmitted() || !this.together.anyAdmitted()) {
				return Double.NaN;
			}
			return (double) this.together.latencies().p95().toNanos() / this.alone.latencies().p95().toNanos();
		}

		/**
		 * Whether everything A sent beyond what was admitted was refused with
		 * {@code RATE_LIMITED} and {@code Retry-After}: no other error, no timeout, no
		 * 5xx.
		 */
		boolean excessRateLimited() {
			return this.flooding.failed() == 0 && this.flooding.missingRetryAfter() == 0
					&& this.flooding.count(Outcome.Kind.RATE_LIMITED) > 0;
		}

		/** 5xx answers to A and B, both windows. */
		long serverErrors() {
			return this.flooding.count(Outcome.Kind.SERVER_ERROR) + this.alone.count(Outcome.Kind.SERVER_ERROR)
					+ this.together.count(Outcome.Kind.SERVER_ERROR);
		}

		/** B's requests, both windows, that were not admitted. */
		long neighbourErrors() {
			return this.alone.sent() - this.alone.count(Outcome.Kind.ADMITTED) + this.together.sent()
					- this.together.count(Outcome.Kind.ADMITTED);
		}

	}

}
