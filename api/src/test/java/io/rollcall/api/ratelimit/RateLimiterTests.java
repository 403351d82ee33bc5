package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.platform.UnavailableException;
import io.rollcall.api.security.Caller;
import io.rollcall.api.usage.TestUsage;
import io.rollcall.api.usage.UsageCounters;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Bucket charging with Redis unreachable, i.e. on the in-memory fallback (Bucket4j's
 * buckets); {@link RateLimiterRedisIntegrationTests} runs the same on Redis (the
 * limiter's scripts), so both keep the same arithmetic.
 */
class RateLimiterTests {

	static final String DEMO_100 = """
			rollcall.limits:
			  redis-retry-interval: 1h
			  tenants:
			    demo:
			      capacity: 100
			      refill-per-second: 1
			      client-capacity: 1000
			      event-burst: 10
			      events-per-second: 1
			""";

	/**
	 * demo's tenant plan with two partner clients: {@code acme-sync} on plan
	 * {@code partner} (10 units, 2 a second), {@code acme-reports} on the same plan with
	 * 50 units of its own.
	 */
	private static final String PARTNER_PLANS = DEMO_100 + """
			  plans:
			    partner:
			      capacity: 5000
			      refill-per-second: 50
			      client-capacity: 10
			      client-refill-per-second: 2
			      event-burst: 5000
			      events-per-second: 50
			  clients:
			    acme-sync:
			      plan: partner
			    acme-reports:
			      plan: partner
			      client-capacity: 50
			""";

	/** Where the buckets of the limiters below live: here, nowhere reachable. */
	BucketStore store(RateLimitProperties properties) {
		return TestLimiters.unreachableRedis(properties);
	}

	RateLimiter limiter(String yaml) {
		return limiter(yaml, new UsageCounters(Clock.systemUTC()));
	}

	RateLimiter limiter(String yaml, UsageCounters usage) {
		RateLimitProperties properties = TestLimiters.properties(yaml);
		return TestLimiters.limiter(store(properties), properties, usage);
	}

	@Test
	void theUnusedPartOfAReservationIsRefunded() {
		RateLimiter limiter = limiter(DEMO_100);

		RateLimiter.Reservation reservation = TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 30);
		RateLimitHeaders after = TestLimiters.settle(limiter, reservation, 10);

		assertThat(reservation.readings().getFirst().remaining()).isBetween(70L, 71L);
		assertThat(after.readings().getFirst().remaining()).isBetween(90L, 91L);
		assertThat(after.asMap()).containsEntry("RateLimit-Policy", "\"tenant\";q=100;w=100, \"client\";q=1000;w=1");
	}

	@Test
	void theClientsUsageCountsWhatItWasChargedOnceSettled() {
		UsageCounters usage = new UsageCounters(Clock.systemUTC());
		RateLimiter limiter = limiter(DEMO_100, usage);

		RateLimiter.Reservation reservation = TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 30);
		assertThat(TestUsage.drainByField(usage)).as("nothing counted in flight").isEmpty();
		TestLimiters.settle(limiter, reservation, 10);
		limiter.keep(reservation);

		assertThat(TestUsage.drainByField(usage)).containsExactly(Map.entry("cost", 10L));
	}

	@Test
	void anOperationNeverSettledCountsItsEstimate() {
		UsageCounters usage = new UsageCounters(Clock.systemUTC());
		RateLimiter limiter = limiter(DEMO_100, usage);

		limiter.keep(TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 30));

		assertThat(TestUsage.drainByField(usage)).containsExactly(Map.entry("cost", 30L));
	}

	@Test
	void anOverrunIsCharged() {
		RateLimiter limiter = limiter(DEMO_100);

		RateLimitHeaders after = TestLimiters.settle(limiter,
				TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 10), 40);

		assertThat(after.readings().getFirst().remaining()).isBetween(60L, 61L);
	}

	@Test
	void anExhaustedTenantIsRefusedWithARetryHintAndHeaders() {
		RateLimiter limiter = limiter(DEMO_100);
		TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 90);

		assertThatThrownBy(() -> TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 50))
			.isInstanceOfSatisfying(RateLimitedException.class, refused -> {
				assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
				// 40 more units at 1 per second
				assertThat(refused.retryAfter().toSeconds()).isBetween(38L, 40L);
				assertThat(refused.details().get("retryAfterMs")).isInstanceOf(Long.class);
				assertThat(refused.headers()).containsKeys("Retry-After", "RateLimit-Policy", "RateLimit");
				assertThat(refused.headers().get("RateLimit")).startsWith("\"tenant\";r=10;t=");
			});
	}

	@Test
	void everyRefusalIsCountedByPolicyTenantAndMode() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RateLimitProperties enforced = TestLimiters.properties(DEMO_100);
		RateLimitProperties warnOnly = TestLimiters.properties(DEMO_100 + "  warn-only: true\n");
		RateLimiter enforcing = new RateLimiter(TestLimiters.unreachableRedis(enforced), enforced,
				new UsageCounters(Clock.systemUTC()), new IngestKeys("test:"), meters, TestLimiters.TENANTS);
		RateLimiter warning = new RateLimiter(TestLimiters.unreachableRedis(warnOnly), warnOnly,
				new UsageCounters(Clock.systemUTC()), new IngestKeys("test:"), meters, TestLimiters.TENANTS);
		Caller stranger = new Caller("initech", "initech-app", null, List.of());

		assertThatThrownBy(() -> TestLimiters.reserve(enforcing, TestLimiters.DEMO_ADMIN, 500))
			.isInstanceOf(RateLimitedException.class);
		assertThatThrownBy(() -> enforcing.chargeWrites(stranger, 1_000_000_000))
			.isInstanceOf(RateLimitedException.class);
		TestLimiters.reserve(warning, TestLimiters.DEMO_ADMIN, 500);

		assertThat(rejected(meters, "tenant", "demo", "enforce")).isOne();
		assertThat(rejected(meters, "events", "other", "enforce")).as("initech is not a tagged tenant").isOne();
		assertThat(rejected(meters, "tenant", "demo", "warn")).isOne();
	}

	private static double rejected(SimpleMeterRegistry meters, String policy, String tenant, String mode) {
		return meters.get("rollcall.ratelimit.rejected")
			.tags("policy", policy, "tenant", tenant, "mode", mode)
			.counter()
			.count();
	}

	@Test
	void aClientOverItsOwnLimitCostsItsTenantNothing() {
		RateLimiter limiter = limiter("""
				rollcall.limits:
				  redis-retry-interval: 1h
				  tenants:
				    demo:
				      capacity: 100
				      refill-per-second: 1
				      client-capacity: 10
				      client-refill-per-second: 1
				""");
		TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 8);

		assertThatThrownBy(() -> TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 8))
			.isInstanceOf(RateLimitedException.class);
		RateLimiter.Reservation other = TestLimiters.reserve(limiter,
				new Caller("demo", "demo-reader", null, List.of()), 1);
		assertThat(other.readings().getFirst().remaining()).isBetween(91L, 92L);
	}

	@Test
	void aTenantOverItsLimitCostsTheClientNothing() {
		RateLimiter limiter = limiter("""
				rollcall.limits:
				  redis-retry-interval: 1h
				  tenants:
				    demo:
				      capacity: 10
				      refill-per-second: 1
				      client-capacity: 100
				      client-refill-per-second: 1
				""");
		TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 8);

		// Both buckets are charged at once; the tenant's refusal gives the client its 8
		// back.
		assertThatThrownBy(() -> TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 8))
			.isInstanceOf(RateLimitedException.class);
		RateLimiter.Reservation next = TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 1);
		assertThat(next.readings().get(1).limit().policy()).isEqualTo("client");
		assertThat(next.readings().get(1).remaining()).isBetween(91L, 92L);
	}

	@Test
	void warnOnlyAdmitsWhatItWouldRefuse() {
		RateLimiter limiter = limiter(DEMO_100 + "  warn-only: true\n");
		TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 100);

		RateLimiter.Reservation overLimit = TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 100);

		assertThat(overLimit.reserved()).isZero();
	}

	@Test
	void writesAreLimitedInItemsPerSecond() {
		RateLimiter limiter = limiter(DEMO_100);
		limiter.chargeWrites(TestLimiters.DEMO_ADMIN, 8);

		assertThatThrownBy(() -> limiter.chargeWrites(TestLimiters.DEMO_ADMIN, 5)).isInstanceOfSatisfying(
				RateLimitedException.class,
				refused -> assertThat(refused.headers().get("RateLimit-Policy")).isEqualTo("\"events\";q=10;w=10"));
	}

	@Test
	void otherTenantsGetTheDefaultPlan() {
		RateLimitProperties properties = TestLimiters.properties(DEMO_100);

		assertThat(properties.planOf("other")).isEqualTo(RateLimitProperties.STANDARD);
		assertThat(properties.planOf("demo").capacity()).isEqualTo(100);
		assertThat(properties.planOf("demo").eventsPerSecond()).isEqualTo(1);
	}

	@Test
	void aClientOnAPlanOfItsOwnHasItsOwnBucketWithinItsTenant() {
		RateLimitProperties properties = TestLimiters.properties(PARTNER_PLANS);
		RateLimiter limiter = TestLimiters.limiter(store(properties), properties);
		Caller partner = new Caller("demo", "acme-sync", null, List.of());
		TestLimiters.reserve(limiter, partner, 8);

		assertThatThrownBy(() -> TestLimiters.reserve(limiter, partner, 8)).isInstanceOfSatisfying(
				RateLimitedException.class, refused -> assertThat(refused.headers().get("RateLimit-Policy"))
					.isEqualTo("\"tenant\";q=100;w=100, \"client\";q=10;w=5"));
		// The tenant's other clients keep the tenant's plan (client-capacity 1,000).
		RateLimiter.Reservation admin = TestLimiters.reserve(limiter, TestLimiters.DEMO_ADMIN, 1);
		assertThat(admin.readings().get(1).limit().capacity()).isEqualTo(1_000);
	}

	@Test
	void aClientsPlanSizesOnlyItsOwnBucketAndItsOverridesWin() {
		RateLimitProperties properties = TestLimiters.properties(PARTNER_PLANS);

		assertThat(properties.planOf("demo", "acme-sync"))
			.isEqualTo(new RateLimitProperties.Plan(100, 1, 10, 2, 10, 1));
		assertThat(properties.planOf("demo", "acme-reports"))
			.isEqualTo(new RateLimitProperties.Plan(100, 1, 50, 2, 10, 1));
		assertThat(properties.planOf("demo", "unlisted")).isEqualTo(properties.planOf("demo"));
		assertThat(properties.planOf("other", "acme-sync").capacity())
			.isEqualTo(RateLimitProperties.STANDARD.capacity());
	}

	@Test
	void aClientOnAnUnknownPlanIsAConfigurationError() {
		assertThatThrownBy(() -> TestLimiters.properties("""
				rollcall.limits:
				  clients:
				    acme-sync:
				      plan: gold
				""")).hasStackTraceContaining("rollcall.limits.clients.acme-sync.plan gold is not a plan");
	}

	@Test
	void failOpenFallsBackToLocalBucketsAndHealthSaysSo() {
		RateLimitProperties properties = TestLimiters.properties(DEMO_100);
		BucketStore store = TestLimiters.unreachableRedis(properties);

		TestLimiters.reserve(TestLimiters.limiter(store, properties), TestLimiters.DEMO_ADMIN, 1);

		assertThat(new RateLimiterHealthIndicator(store).health()).satisfies(health -> {
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("mode", "LOCAL_FALLBACK");
		});
	}

	@Test
	void failClosedRefusesWhileRedisIsUnreachable() {
		RateLimitProperties properties = TestLimiters.properties(DEMO_100 + "  redis-failure: fail-closed\n");
		BucketStore store = TestLimiters.unreachableRedis(properties);

		assertThatThrownBy(
				() -> TestLimiters.reserve(TestLimiters.limiter(store, properties), TestLimiters.DEMO_ADMIN, 1))
			.isInstanceOf(UnavailableException.class);
		assertThat(new RateLimiterHealthIndicator(store).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

}
