package io.rollcall.api.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits per named plan, assigned to tenants and to OAuth clients, with overrides of
 * their own. Query limits are in cost units (see {@code graphql/cost.graphqls}): each
 * GraphQL operation reserves its estimated cost from its tenant's bucket and its client's
 * bucket, and is settled to its actual cost. Writes are limited in events (or contacts)
 * per second per tenant. Over a limit: {@code RATE_LIMITED}, HTTP 429 with
 * {@code Retry-After}, {@code RateLimit-Policy} and {@code RateLimit}.
 *
 * @param defaultPlan the plan of tenants that {@code tenants} does not name
 * @param plans plans by name; {@code standard} is built in and may be redefined
 * @param tenants per tenant id: its plan and any limit that differs from the plan
 * @param clients per OAuth client id (the token's client claim): the plan and overrides
 * of that client's own bucket, so a partner gets its own limits whatever its tenant's
 * plan gives the tenant's other clients; a client not named here gets its tenant's
 * @param warnOnly log requests over a limit instead of refusing them (for rollout); the
 * buckets are still charged, so the logs show who would have been limited
 * @param redisFailure what happens while Redis is unreachable: {@code FAIL_OPEN} (the
 * default) limits each api instance on its own with in-memory buckets of the same plans
 * (so a tenant may get up to N times its limit across N instances); {@code FAIL_CLOSED}
 * refuses rate-limited requests with {@code UNAVAILABLE}
 * @param redisRetryInterval after a Redis failure, how long the limiter uses the fallback
 * before trying Redis again; bounds the cost of a slow or dead Redis to one command
 * timeout per interval
 * @param retryAfter the {@code retryAfterMs} hint of {@code UNAVAILABLE} in
 * {@code FAIL_CLOSED} mode
 */
@Validated
@ConfigurationProperties("rollcall.limits")
record RateLimitProperties(@DefaultValue("standard") @NotBlank String defaultPlan, Map<String, @Valid Plan> plans,
		Map<String, @Valid TenantLimits> tenants, Map<String, @Valid ClientLimits> clients,
		@DefaultValue("false") boolean warnOnly, @DefaultValue("FAIL_OPEN") @NotNull RedisFailure redisFailure,
		@DefaultValue("1s") Duration redisRetryInterval, @DefaultValue("1s") Duration retryAfter) {

	/**
	 * The built-in plan: 200,000 cost units of burst, 2,000 per second sustained (about
	 * 10 program summaries or one 500-row rep table per second, all day); half that per
	 * client; 2,000 events per second with bursts of 20,000 (four maximal write
	 * requests).
	 */
	public static final Plan STANDARD = new Plan(200_000, 2_000, 100_000, 1_000, 100_000, 10_000);

	public RateLimitProperties {
		Map<String, Plan> all = new HashMap<>();
		all.put("standard", STANDARD);
		if (plans != null) {
			all.putAll(plans);
		}
		plans = Map.copyOf(all);
		tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
		clients = clients == null ? Map.of() : Map.copyOf(clients);
		if (!plans.containsKey(defaultPlan)) {
			throw new IllegalArgumentException("rollcall.limits.default-plan " + defaultPlan + " is not a plan");
		}
		for (Map.Entry<String, TenantLimits> tenant : tenants.entrySet()) {
			requirePlan(plans, "tenants." + tenant.getKey(), tenant.getValue().plan());
		}
		for (Map.Entry<String, ClientLimits> client : clients.entrySet()) {
			requirePlan(plans, "clients." + client.getKey(), client.getValue().plan());
		}
	}

	private static void requirePlan(Map<String, Plan> plans, String key, String plan) {
		if (plan != null && !plans.containsKey(plan)) {
			throw new IllegalArgumentException("rollcall.limits." + key + ".plan " + plan + " is not a plan");
		}
	}

	/**
	 * The limits of {@code clientId}'s requests in {@code tenantId}: the tenant's (see
	 * {@link #planOf(String)}), except the client bucket, which is the client's own plan
	 * and overrides when {@code clients} names it.
	 */
	Plan planOf(String tenantId, String clientId) {
		Plan tenant = planOf(tenantId);
		ClientLimits client = clients.get(clientId);
		if (client == null) {
			return tenant;
		}
		Plan own = client.plan() == null ? tenant : plans.get(client.plan());
		return new Plan(tenant.capacity(), tenant.refillPerSecond(), or(client.clientCapacity(), own.clientCapacity()),
				or(client.clientRefillPerSecond(), own.clientRefillPerSecond()), tenant.eventBurst(),
				tenant.eventsPerSecond());
	}

	/** The limits of {@code tenantId}: its plan with its overrides applied. */
	Plan planOf(String tenantId) {
		TenantLimits overrides = tenants.get(tenantId);
		if (overrides == null) {
			return plans.get(defaultPlan);
		}
		Plan plan = plans.get(overrides.plan() == null ? defaultPlan : overrides.plan());
		return new Plan(or(overrides.capacity(), plan.capacity()),
				or(overrides.refillPerSecond(), plan.refillPerSecond()),
				or(overrides.clientCapacity(), plan.clientCapacity()),
				or(overrides.clientRefillPerSecond(), plan.clientRefillPerSecond()),
				or(overrides.eventBurst(), plan.eventBurst()), or(overrides.eventsPerSecond(), plan.eventsPerSecond()));
	}

	private static long or(Long override, long planned) {
		return override == null ? planned : override;
	}

	/**
	 * One plan: every limit is given (a plan does not inherit from another).
	 *
	 * @param capacity the tenant's query bucket: the most cost units it can spend at once
	 * @param refillPerSecond cost units the tenant's bucket regains per second
	 * @param clientCapacity each OAuth client's query bucket within the tenant (so one
	 * runaway integration cannot spend the whole tenant's budget)
	 * @param clientRefillPerSecond cost units a client's bucket regains per second
	 * @param eventBurst the tenant's write bucket: the most events or contacts accepted
	 * at once (at least {@code rollcall.ingest.max-items-per-request}, or the largest
	 * requests could never pass)
	 * @param eventsPerSecond events or contacts per second the write bucket regains
	 */
	public record Plan(@Positive long capacity, @Positive long refillPerSecond, @Positive long clientCapacity,
			@Positive long clientRefillPerSecond, @Positive long eventBurst, @Positive long eventsPerSecond) {
	}

	/**
	 * A tenant's plan and overrides; an unset limit is the plan's.
	 *
	 * @param plan the tenant's plan (default: {@code default-plan})
	 * @param capacity overrides the plan's {@code capacity}
	 * @param refillPerSecond overrides the plan's {@code refill-per-second}
	 * @param clientCapacity overrides the plan's {@code client-capacity}
	 * @param clientRefillPerSecond overrides the plan's {@code client-refill-per-second}
	 * @param eventBurst overrides the plan's {@code event-burst}
	 * @param eventsPerSecond overrides the plan's {@code events-per-second}
	 */
	public record TenantLimits(String plan, @Positive Long capacity, @Positive Long refillPerSecond,
			@Positive Long clientCapacity, @Positive Long clientRefillPerSecond, @Positive Long eventBurst,
			@Positive Long eventsPerSecond) {
	}

	/**
	 * An OAuth client's own limits; an unset one is its plan's. The tenant's bucket and
	 * events bucket stay the tenant's: what all its clients together may spend.
	 *
	 * @param plan the plan whose {@code client-capacity} and
	 * {@code client-refill-per-second} size this client's bucket (default: its tenant's
	 * plan, with the tenant's overrides)
	 * @param clientCapacity overrides the plan's {@code client-capacity}
	 * @param clientRefillPerSecond overrides the plan's {@code client-refill-per-second}
	 */
	public record ClientLimits(String plan, @Positive Long clientCapacity, @Positive Long clientRefillPerSecond) {
	}

	/** What the limiter does while Redis is unreachable. */
	public enum RedisFailure {

		/** Limit with per-instance in-memory buckets until Redis is back. */
		FAIL_OPEN,
		/** Refuse with {@code UNAVAILABLE} until Redis is back. */
		FAIL_CLOSED

	}

}
