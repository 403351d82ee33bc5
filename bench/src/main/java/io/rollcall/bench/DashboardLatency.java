package io.rollcall.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Scenario e: each dashboard query on the big tenant, through the gateway ({@code POST
 * /graphql} with a real token) with its result cache on, through a second api instance
 * with {@code rollcall.cache.enabled=false}, and straight to Elasticsearch (the same
 * searches the gateway sends, one after another), sequentially. Each iteration runs all
 * three, rotating which goes first, so that every path sees the same background load.
 * Nothing writes during the phase, so after the first request the cached gateway measures
 * cache hits: the number a dashboard sees while its tenant is idle, not while it writes.
 * The shard request cache is turned off on Rollcall's indices first: in production every
 * refresh empties it while any tenant writes, and with it on both paths would measure a
 * cache hit.
 */
final class DashboardLatency {

	/**
	 * The last row: what any request costs before it searches. {@code { __typename }}
	 * through the gateways (token check, rate limit, GraphQL, JSON; nothing to cache)
	 * next to Elasticsearch's {@code GET /_cluster/health}.
	 */
	private static final String FIXED_COST = "no search (`{ __typename }` / `GET /_cluster/health`)";

	private static final String TYPENAME = JsonHttp.JSON.writeValueAsString(Map.of("query", "{ __typename }"));

	private final BenchStack stack;

	private final JsonHttp http;

	private final DirectElasticsearch direct;

	private final Searches searches;

	DashboardLatency(BenchStack stack, JsonHttp http, DirectElasticsearch direct) {
		this.stack = stack;
		this.http = http;
		this.direct = direct;
		this.searches = new Searches(direct, stack.indices(), stack.searchTimeout(), JsonHttp.TIMEOUT);
	}

	List<Result> run(List<DashboardQuery> queries, Duration warmupTime, int warmup, int iterations) {
		this.direct.disableRequestCache(this.stack.indices());
		String token = this.stack.token(Tenant.DEMO);
		warmUp(queries, token, warmupTime);
		List<Result> results = new ArrayList<>();
		for (DashboardQuery query : queries) {
			results.add(measure(query.name(), query.requests().size(), warmup, iterations,
					() -> gateway(this.stack.api("graphql"), query.graphQlRequest(), query.name(), token),
					() -> gateway(this.stack.uncachedApi("graphql"), query.graphQlRequest(), query.name(), token),
					() -> direct(query)));
		}
		results.add(measure(FIXED_COST, 0, warmup, iterations,
				() -> gateway(this.stack.api("graphql"), TYPENAME, "__typename", token),
				() -> gateway(this.stack.uncachedApi("graphql"), TYPENAME, "__typename", token), this::directHealth));
		return results;
	}

	/**
	 * Runs the three paths {@code iterations} times after {@code warmup} untimed rounds,
	 * rotating which goes first.
	 */
	private static Result measure(String name, int searches, int warmup, int iterations, Supplier<Duration> cached,
			Supplier<Duration> uncached, Supplier<Duration> direct) {
		List<Supplier<Duration>> paths = List.of(cached, uncached, direct);
		for (int i = 0; i < warmup; i++) {
			paths.forEach(Supplier::get);
		}
		List<List<Duration>> timed = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (int i = 0; i < iterations; i++) {
			for (int step = 0; step < 3; step++) {
				int path = (i + step) % 3;
				timed.get(path).add(paths.get(path).get());
			}
		}
		return new Result(name, searches, Latencies.of(timed.get(0)), Latencies.of(timed.get(1)),
				Latencies.of(timed.get(2)));
	}

	/**
	 * Rounds of the whole mix on every path until {@code time} has passed. The JIT
	 * compiles a request path after thousands of calls; the uncached api in particular
	 * serves nothing before this phase, and a few iterations per query would time its
	 * interpreter (a cold gateway measured 3-4x slower per request than a warm one).
	 */
	private void warmUp(List<DashboardQuery> queries, String token, Duration time) {
		long end = System.nanoTime() + time.toNanos();
		while (System.nanoTime() - end < 0) {
			for (DashboardQuery query : queries) {
				gateway(this.stack.api("graphql"), query.graphQlRequest(), query.name(), token);
				gateway(this.stack.uncachedApi("graphql"), query.graphQlRequest(), query.name(), token);
				direct(query);
			}
		}
	}

	/** {@code request} through the gateway; fails unless {@code field} has data. */
	private Duration gateway(URI graphql, String request, String field, String token) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.post(graphql, token, "application/json", request);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		JsonNode body = JsonHttp.json(response);
		JsonNode data = body.path("data").path(field);
		if (body.has("errors") || data.isMissingNode() || data.isNull()) {
			throw new IllegalStateException(field + " through the gateway failed: " + response.body());
		}
		return elapsed;
	}

	/**
	 * The query's searches one after another, as the gateway sends them; the time of all.
	 */
	private Duration direct(DashboardQuery query) {
		long start = System.nanoTime();
		this.searches.send(Tenant.DEMO, query.requests(), query.placeholders()).orThrow(query.name());
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** A round trip to Elasticsearch that searches nothing. */
	private Duration directHealth() {
		long start = System.nanoTime();
		JsonHttp.ok(this.direct.health());
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * One query's latencies on the three paths.
	 *
	 * @param query the query's name
	 * @param searches the Elasticsearch searches one query sends
	 * @param cached through the gateway, result cache on
	 * @param uncached through the gateway, result cache off
	 * @param direct straight to Elasticsearch
	 */
	record Result(String query, int searches, Latencies cached, Latencies uncached, Latencies direct) {

		/**
		 * Uncached gateway p50 over direct p50: the gateway's own overhead (target ≤
		 * 1.15).
		 */
		double uncachedRatioAtP50() {
			return ratio(this.uncached);
		}

		/**
		 * Issue #12's target for the uncached gateway at p50: at most 1.15× direct, or at
		 * most 3 ms more than direct, whichever is looser (#4's ratio alone left under a
		 * millisecond for the gateway's own work on searches Elasticsearch answers in a
		 * few milliseconds).
		 */
		boolean meetsOverheadTarget() {
			return uncachedRatioAtP50() <= 1.15
					|| this.uncached.p50().minus(this.direct.p50()).compareTo(Duration.ofMillis(3)) <= 0;
		}

		/** Cached gateway p50 over direct p50. */
		double cachedRatioAtP50() {
			return ratio(this.cached);
		}

		private double ratio(Latencies gateway) {
			return (double) gateway.p50().toNanos() / this.direct.p50().toNanos();
		}

	}

}
