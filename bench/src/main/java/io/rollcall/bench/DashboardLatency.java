package io.rollcall.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

	private final BenchStack stack;

	private final JsonHttp http;

	private final DirectElasticsearch direct;

	DashboardLatency(BenchStack stack, JsonHttp http, DirectElasticsearch direct) {
		this.stack = stack;
		this.http = http;
		this.direct = direct;
	}

	List<Result> run(List<DashboardQuery> queries, Duration warmupTime, int warmup, int iterations) {
		this.direct.disableRequestCache(this.stack.indices());
		String token = this.stack.token(Tenant.DEMO);
		warmUp(queries, token, warmupTime);
		List<Result> results = new ArrayList<>();
		for (DashboardQuery query : queries) {
			for (int i = 0; i < warmup; i++) {
				gateway(this.stack.api("graphql"), query, token);
				gateway(this.stack.uncachedApi("graphql"), query, token);
				direct(query);
			}
			List<Duration> cached = new ArrayList<>();
			List<Duration> uncached = new ArrayList<>();
			List<Duration> direct = new ArrayList<>();
			for (int i = 0; i < iterations; i++) {
				for (int path = 0; path < 3; path++) {
					switch ((i + path) % 3) {
						case 0 -> cached.add(gateway(this.stack.api("graphql"), query, token));
						case 1 -> uncached.add(gateway(this.stack.uncachedApi("graphql"), query, token));
						default -> direct.add(direct(query));
					}
				}
			}
			results.add(new Result(query.name(), query.requests().size(), Latencies.of(cached), Latencies.of(uncached),
					Latencies.of(direct)));
		}
		return results;
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
				gateway(this.stack.api("graphql"), query, token);
				gateway(this.stack.uncachedApi("graphql"), query, token);
				direct(query);
			}
		}
	}

	private Duration gateway(URI graphql, DashboardQuery query, String token) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.post(graphql, token, "application/json", query.graphQlRequest());
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		JsonNode body = JsonHttp.json(response);
		JsonNode data = body.path("data").path(query.name());
		if (body.has("errors") || data.isMissingNode() || data.isNull()) {
			throw new IllegalStateException(query.name() + " through the gateway failed: " + response.body());
		}
		return elapsed;
	}

	/**
	 * The query's searches one after another, as the gateway sends them; the time of all.
	 */
	private Duration direct(DashboardQuery query) {
		List<String> bodies = query.elasticsearchBodies(Tenant.DEMO);
		long start = System.nanoTime();
		for (int i = 0; i < bodies.size(); i++) {
			String index = query.requests().get(i).index().apply(this.stack.indices());
			JsonHttp.ok(this.direct.search(index, Tenant.DEMO, bodies.get(i)));
		}
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

		/** Cached gateway p50 over direct p50. */
		double cachedRatioAtP50() {
			return ratio(this.cached);
		}

		private double ratio(Latencies gateway) {
			return (double) gateway.p50().toNanos() / this.direct.p50().toNanos();
		}

	}

}
