package io.rollcall.api;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Measures the fixed cost of a GraphQL request through the api: Redis commands per
 * request (deltas of Redis's {@code INFO commandstats} over the run, by command) and the
 * client-side latency of a dashboard mix, one request at a time, against devstack's
 * Elasticsearch and Redis and the dev issuer. A small tenant is loaded through the real
 * indexer first, which is then stopped, so that only the api talks to Redis while it is
 * measured. Not a test: a measurement, run by hand (see docs/PERFORMANCE.md, "Where a
 * request's time goes"), under the shared lock since it starts Elasticsearch. With
 * {@code -Dharness.jfr=<file>} it records the measured requests (not the loading, not the
 * warm-up) with JFR's {@code profile} settings into that file:
 *
 * <pre>
 * ./mvnw -B -ntp -q -o -pl api -am test-compile
 * ./mvnw -B -ntp -q -o -pl api dependency:build-classpath -Dmdep.outputFile=target/harness.classpath -Dmdep.includeScope=test
 * CP="$(for m in schema platform devstack indexer api; do printf '%s/target/classes:' $m; done)schema/target/test-classes:api/target/test-classes:$(tr ':' '\n' &lt; api/target/harness.classpath | grep -v '/io/rollcall/' | paste -sd:)"
 * flock /tmp/rollcall-heavy.lock java -cp "$CP" io.rollcall.api.GatewayCostHarness [requests per query] [warm-up requests]
 * </pre>
 */
public final class GatewayCostHarness {

	private static final List<Query> MIX = List.of(new Query("programSummary", Map.of("programId", "prog-0")),
			new Query("repProgress", Map.of("programId", "prog-0", "first", 50)),
			new Query("leaderboard", Map.of("programId", "prog-0", "metric", "LESSONS_COMPLETED")),
			new Query("typename", Map.of()));

	private GatewayCostHarness() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
		DevStack stack = DevStack.global();
		DevIssuer issuer = DevIssuer.global();
		GeneratedTenant tenant = EventGenerator.withSeed(5).reps(100).lessonsPerProgram(10).generate("demo");
		try (RunningStack loader = RunningStack.start(stack, issuer)) {
			String admin = issuer.token("demo-admin", "demo-admin-secret");
			load(loader, admin, "/v1/contacts", tenant.contacts());
			List<?> events = tenant.events();
			for (int from = 0; from < events.size(); from += 5_000) {
				load(loader, admin, "/v1/events", events.subList(from, Math.min(events.size(), from + 5_000)));
			}
		}
		try (RunningStack api = RunningStack.apiOnly(stack, issuer)) {
			String reader = issuer.token("demo-reader", "demo-reader-secret");
			System.out.printf("api pid %d; %d events of %d reps loaded; warming up with %d requests%n",
					ProcessHandle.current().pid(), tenant.events().size(), tenant.contacts().size(), warmUp);
			for (int i = 0; i < warmUp; i++) {
				call(api, reader, MIX.get(i % MIX.size()));
			}
			Recording recording = null;
			if (System.getProperty("harness.jfr") != null) {
				recording = new Recording(Configuration.getConfiguration("profile"));
				recording.start();
			}
			System.out
				.println("| query | requests | Redis commands/request | by command (per request) | p50 ms | p95 ms |");
			System.out.println("| --- | --- | --- | --- | --- | --- |");
			for (Query query : MIX) {
				// The usage counters flush once a second: let the warm-up's flush pass.
				Thread.sleep(1_500);
				Map<String, Long> before = commandStats(stack.redisUrl());
				long[] nanos = new long[requests];
				for (int i = 0; i < requests; i++) {
					long started = System.nanoTime();
					call(api, reader, query);
					nanos[i] = System.nanoTime() - started;
				}
				// Include the usage flush of this query's requests.
				Thread.sleep(1_500);
				Map<String, Long> after = commandStats(stack.redisUrl());
				report(query, requests, before, after, nanos);
			}
			if (recording != null) {
				recording.stop();
				recording.dump(Path.of(System.getProperty("harness.jfr")));
				recording.close();
			}
		}
		System.exit(0);
	}

	private static void load(RunningStack stack, String token, String path, Object body) {
		HttpResponse<String> response = stack.post(path + "?consistency=visible", token, "application/json",
				RunningStack.JSON.writeValueAsString(body));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
		}
	}

	private static void call(RunningStack api, String token, Query query) {
		String document = query.name().equals("typename") ? "{ __typename }" : RunningStack.operation(query.name());
		HttpResponse<String> response = api.post("/graphql", token, "application/json",
				RunningStack.JSON.writeValueAsString(Map.of("query", document, "variables", query.variables())));
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new IllegalStateException(query.name() + ": " + response.statusCode() + " " + response.body());
		}
	}

	private static void report(Query query, int requests, Map<String, Long> before, Map<String, Long> after,
			long[] nanos) {
		Map<String, Double> perRequest = new TreeMap<>();
		long total = 0;
		for (Map.Entry<String, Long> command : after.entrySet()) {
			long delta = command.getValue() - before.getOrDefault(command.getKey(), 0L);
			if (delta > 0 && !command.getKey().equals("info")) {
				perRequest.put(command.getKey(), delta / (double) requests);
				total += delta;
			}
		}
		Arrays.sort(nanos);
		StringBuilder commands = new StringBuilder();
		perRequest.forEach((name, count) -> commands.append(commands.isEmpty() ? "" : ", ")
			.append(name)
			.append(' ')
			.append(String.format("%.2f", count)));
		System.out.printf("| %s | %d | %.2f | %s | %.2f | %.2f |%n", query.name(), requests, total / (double) requests,
				commands, nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.95)] / 1e6);
	}

	/** Calls per command since Redis started, from {@code INFO commandstats}. */
	private static Map<String, Long> commandStats(String redisUrl) {
		RedisClient client = RedisClient.create(redisUrl);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Map<String, Long> calls = new TreeMap<>();
			connection.sync().info("commandstats").lines().filter(line -> line.startsWith("cmdstat_")).forEach(line -> {
				String name = line.substring("cmdstat_".length(), line.indexOf(':'));
				String value = line.substring(line.indexOf("calls=") + "calls=".length());
				calls.put(name, Long.parseLong(value.substring(0, value.indexOf(','))));
			});
			return calls;
		}
		finally {
			client.shutdown();
		}
	}

	private record Query(String name, Map<String, Object> variables) {
	}

}
