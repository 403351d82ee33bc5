package io.rollcall.api;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Measures the fixed cost of a GraphQL request through the api: Redis commands per
 * request (deltas of Redis's {@code INFO commandstats} over the run, by command) and the
 * client-side latency of a dashboard mix, one request at a time, against devstack's
 * Elasticsearch and Redis and the dev issuer. A small tenant is loaded through the real
 * indexer first, which is then stopped, so that only the api talks to Redis while it is
 * measured; the usage counters' batched writes (one pipeline a second per instance) are
 * left out. Not a test: a measurement, run by hand (see docs/PERFORMANCE.md, "Where a
 * request's time goes"), under the shared lock since it starts Elasticsearch. With
 * {@code -Dharness.jfr=<file>} it records the measured requests (not the loading, not the
 * warm-up) with JFR's {@code profile} settings into that file, and prints which
 * components the api's CPU samples fell in:
 *
 * <pre>
 * ./mvnw -B -ntp -q -o -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile=target/harness.classpath -Dmdep.includeScope=test
 * CP="$(for m in schema platform devstack indexer api; do printf '%s/target/classes:' $m; done)schema/target/test-classes:api/target/test-classes:$(tr ':' '\n' &lt; api/target/harness.classpath | grep -v '/io/rollcall/' | paste -sd:)"
 * flock /tmp/rollcall-heavy.lock java -Dharness.jfr=/tmp/api.jfr -cp "$CP" io.rollcall.api.GatewayCostHarness [requests per query] [warm-up requests]
 * java -cp "$CP" io.rollcall.api.GatewayCostHarness profile /tmp/api.jfr    # the profile of a recording again
 * </pre>
 */
public final class GatewayCostHarness {

	private static final List<Query> MIX = List.of(new Query("programSummary", Map.of("programId", "prog-0")),
			new Query("repProgress", Map.of("programId", "prog-0", "first", 50)),
			new Query("leaderboard", Map.of("programId", "prog-0", "metric", "LESSONS_COMPLETED")),
			new Query("typename", Map.of()));

	/** Components by the packages of their frames, first match wins. */
	private static final Map<String, List<String>> COMPONENTS = components();

	private GatewayCostHarness() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("profile")) {
			// Only the profile of a recording made before.
			profile(Path.of(args[1]));
			return;
		}
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
		// Usage counts are written in one pipelined batch a second per instance, not per
		// request: an interval longer than the run keeps that batch out of the count.
		try (RunningStack api = RunningStack.apiOnly(stack, issuer, Map.of("rollcall.usage.flush-interval", "1h"))) {
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
				Map<String, Long> before = commandStats(stack.redisUrl());
				long[] nanos = new long[requests];
				for (int i = 0; i < requests; i++) {
					long started = System.nanoTime();
					call(api, reader, query);
					nanos[i] = System.nanoTime() - started;
				}
				Map<String, Long> after = commandStats(stack.redisUrl());
				report(query, requests, before, after, nanos);
			}
			if (recording != null) {
				recording.stop();
				Path file = Path.of(System.getProperty("harness.jfr"));
				recording.dump(file);
				recording.close();
				profile(file);
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

	/**
	 * Where the api's CPU went while it was measured: each execution sample of an api
	 * thread (the harness's own HTTP client left out) is attributed to the innermost
	 * frame that belongs to a known component; then the hottest frames.
	 */
	private static void profile(Path file) throws IOException {
		Map<String, Integer> byComponent = new TreeMap<>();
		Map<String, Integer> byTopFrame = new TreeMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<String> frames = event.getStackTrace()
				.getFrames()
				.stream()
				.map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
				.toList();
			if (frames.isEmpty() || frames.stream()
				.anyMatch(frame -> frame.startsWith("jdk.internal.net.http") || frame.contains("GatewayCostHarness"))) {
				continue;
			}
			samples++;
			byTopFrame.merge(frames.getFirst(), 1, Integer::sum);
			String owner = frames.stream()
				.map(GatewayCostHarness::component)
				.filter(component -> component != null)
				.findFirst()
				.orElse("other (JDK, Spring core, Micrometer...)");
			byComponent.merge(owner, 1, Integer::sum);
		}
		System.out.printf("%n%d execution samples of the api%n| component | share of samples |%n| --- | --- |%n",
				samples);
		print(byComponent, samples, byComponent.size());
		System.out.printf("%n| hottest frame (self) | share of samples |%n| --- | --- |%n");
		print(byTopFrame, samples, 10);
	}

	private static void print(Map<String, Integer> counts, int samples, int limit) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.forEach(entry -> System.out.printf("| %s | %.1f%% |%n", entry.getKey(),
					100.0 * entry.getValue() / samples));
	}

	private static String component(String frame) {
		for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
			if (component.getValue().stream().anyMatch(frame::startsWith)) {
				return component.getKey();
			}
		}
		return null;
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

	private static Map<String, List<String>> components() {
		Map<String, List<String>> components = new LinkedHashMap<>();
		components.put("token validation (Nimbus, RSA)", List.of("org.springframework.security.oauth2.jwt",
				"com.nimbusds", "java.math.BigInteger", "sun.security"));
		components.put("rate limiter (Rollcall's, Bucket4j)",
				List.of("io.rollcall.api.ratelimit", "io.github.bucket4j"));
		components.put("result cache", List.of("io.rollcall.api.cache", "io.rollcall.api.admission"));
		components.put("Redis client (Lettuce)", List.of("io.lettuce"));
		components.put("Elasticsearch client", List.of("co.elastic.clients"));
		components.put("GraphQL (graphql-java, Spring for GraphQL)",
				List.of("graphql.", "org.springframework.graphql"));
		components.put("JSON (Jackson)", List.of("tools.jackson", "com.fasterxml.jackson"));
		components.put("Spring Security filters", List.of("org.springframework.security.web"));
		components.put("Tomcat, Spring MVC",
				List.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "org.springframework.web"));
		components.put("Reactor", List.of("reactor."));
		components.put("Netty (Lettuce's I/O)", List.of("io.netty"));
		components.put("HTTP to Elasticsearch (Apache HttpCore)", List.of("org.apache.hc"));
		return components;
	}

	private record Query(String name, Map<String, Object> variables) {
	}

}
