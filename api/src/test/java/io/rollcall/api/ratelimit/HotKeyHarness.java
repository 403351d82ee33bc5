package io.rollcall.api.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.api.YamlFixture;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnectionProperties;
import io.rollcall.api.security.Caller;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the tenant-wide bucket as a hot key: many threads of one or two api instances
 * (each with its own Redis connection, as separate processes would have) charge one
 * tenant's bucket as fast as they can, each thread as its own OAuth client. Reports
 * admissions in a common window against what the bucket can give in it (capacity + refill
 * x window; requests in flight at the window's end may add up to one per thread), Redis
 * commands per request (INFO {@code total_commands_processed}) and reserve+settle
 * latency. Not a test: a measurement, run by hand (see docs/PERFORMANCE.md, "Rate
 * limiter"):
 *
 * <pre>
 * ./mvnw -B -ntp -pl api -am test-compile -q
 * java -cp "$(cat api/target/harness.classpath):api/target/classes:api/target/test-classes" \
 *     io.rollcall.api.ratelimit.HotKeyHarness [seconds] [threads]
 * </pre>
 */
public final class HotKeyHarness {

	private static final long CAPACITY = 1_000;

	private static final long REFILL_PER_SECOND = 1_000;

	private HotKeyHarness() {
	}

	public static void main(String[] args) throws InterruptedException {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		try (RedisServer redis = RedisServer.start(RedisOptions.inMemory())) {
			System.out.printf("tenant bucket: capacity %d, refill %d/s; %d threads, %d s per run; redis %s%n", CAPACITY,
					REFILL_PER_SECOND, threads, seconds, redis.url());
			System.out.println(
					"| instances | requests/s | admitted | expected | deviation | Redis commands/request | p50 ms | p99 ms |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			for (int instances : List.of(1, 2)) {
				run(redis, instances, threads, seconds);
			}
		}
	}

	private static void run(RedisServer redis, int instances, int threads, int seconds) throws InterruptedException {
		String prefix = "harness-" + System.nanoTime() + ":";
		RateLimitProperties properties = YamlFixture.bind("""
				rollcall.limits:
				  tenants:
				    hot:
				      capacity: %d
				      refill-per-second: %d
				      client-capacity: 1000000000
				      client-refill-per-second: 1000000000
				""".formatted(CAPACITY, REFILL_PER_SECOND), "rollcall.limits", RateLimitProperties.class);
		List<LimiterRedis> connections = new ArrayList<>();
		List<RateLimiter> limiters = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			LimiterRedis connection = new LimiterRedis(new RedisClients(new RedisConnectionProperties(redis.url(),
					false, null, null, null, prefix, Duration.ofSeconds(2), Duration.ofSeconds(2))));
			connections.add(connection);
			limiters.add(TestLimiters.limiter(new BucketStore(connection, properties), properties));
		}
		// Warm up connections (not counted): one charge to an unrelated tenant each.
		for (RateLimiter limiter : limiters) {
			TestLimiters.reserve(limiter, new Caller("warm-up", "warm-up", null, List.of()), 1);
		}
		AtomicLong admitted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		long[][] latencies = new long[threads][];
		List<Thread> workers = new ArrayList<>();
		long commandsBefore = commands(redis);
		// One window for all threads: the bucket can give capacity + refill x window.
		long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			RateLimiter limiter = limiters.get(t % instances);
			Caller caller = new Caller("hot", "client-" + t, null, List.of());
			workers.add(Thread.ofPlatform().start(() -> {
				long[] samples = new long[1 << 20];
				int n = 0;
				while (System.nanoTime() < start) {
					Thread.onSpinWait();
				}
				while (System.nanoTime() < end) {
					long before = System.nanoTime();
					try {
						TestLimiters.settle(limiter, TestLimiters.reserve(limiter, caller, 1), 1);
						admitted.incrementAndGet();
					}
					catch (RateLimitedException e) {
						refused.incrementAndGet();
					}
					if (n < samples.length) {
						samples[n++] = System.nanoTime() - before;
					}
				}
				latencies[thread] = Arrays.copyOf(samples, n);
			}));
		}
		for (Thread worker : workers) {
			worker.join();
		}
		long commandCount = commands(redis) - commandsBefore - 1;
		long requests = admitted.get() + refused.get();
		long expected = CAPACITY + REFILL_PER_SECOND * seconds;
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf("| %d | %.0f | %d | %d | %+.2f%% | %.2f | %.2f | %.2f |%n", instances,
				requests / (double) seconds, admitted.get(), expected, 100.0 * (admitted.get() - expected) / expected,
				(double) commandCount / requests, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
		connections.forEach(LimiterRedis::destroy);
	}

	private static long commands(RedisServer redis) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String stats = connection.sync().info("stats");
			return stats.lines()
				.filter(line -> line.startsWith("total_commands_processed:"))
				.mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
				.findFirst()
				.orElseThrow();
		}
		finally {
			client.shutdown();
		}
	}

}
