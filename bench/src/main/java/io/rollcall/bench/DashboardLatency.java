package io.rollcall.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Scenario e: each dashboard query on the big tenant, through the gateway ({@code POST
 * /graphql} with a real token) and straight to Elasticsearch (the same search the gateway
 * sends), sequentially. Each iteration runs both, alternating which goes first, so that
 * both paths see the same background load. The shard request cache is turned off on
 * Rollcall's indices first: in production every refresh empties it while any tenant
 * writes, and with it on both paths would measure a cache hit.
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

	List<Result> run(List<DashboardQuery> queries, int warmup, int iterations) {
		this.direct.putSettings(this.stack.indices().prefix() + "-*",
				Map.of("index", Map.of("requests", Map.of("cache", Map.of("enable", false)))));
		String token = this.stack.token(Tenant.DEMO);
		List<Result> results = new ArrayList<>();
		for (DashboardQuery query : queries) {
			for (int i = 0; i < warmup; i++) {
				gateway(query, token);
				direct(query);
			}
			List<Duration> gateway = new ArrayList<>();
			List<Duration> direct = new ArrayList<>();
			for (int i = 0; i < iterations; i++) {
				if (i % 2 == 0) {
					gateway.add(gateway(query, token));
					direct.add(direct(query));
				}
				else {
					direct.add(direct(query));
					gateway.add(gateway(query, token));
				}
			}
			results.add(new Result(query.name(), Latencies.of(gateway), Latencies.of(direct)));
		}
		return results;
	}

	private Duration gateway(DashboardQuery query, String token) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.post(this.stack.api("graphql"), token, "application/json",
				query.graphQlRequest());
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		JsonNode body = JsonHttp.json(response);
		JsonNode data = body.path("data").path(query.name());
		if (body.has("errors") || data.isMissingNode() || data.isNull()) {
			throw new IllegalStateException(query.name() + " through the gateway failed: " + response.body());
		}
		return elapsed;
	}

	private Duration direct(DashboardQuery query) {
		String body = query.elasticsearchBody(Tenant.DEMO);
		String index = query.index().apply(this.stack.indices());
		long start = System.nanoTime();
		HttpResponse<String> response = this.direct.search(index, Tenant.DEMO, body);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		JsonHttp.ok(response);
		return elapsed;
	}

	/** One query's latencies on both paths. */
	record Result(String query, Latencies gateway, Latencies direct) {

		/** Gateway p50 over direct p50: the gateway's overhead (target ≤ 1.15). */
		double ratioAtP50() {
			return (double) this.gateway.p50().toNanos() / this.direct.p50().toNanos();
		}

	}

}
