package io.rollcall.api;

import java.util.Map;

/**
 * A standard plan too large to matter, for integration tests that check what the api
 * answers rather than how much of it: a 130,000-event load or a thousand generated
 * queries must not turn into {@code RATE_LIMITED}. The limits themselves are tested with
 * their own small plans (see {@code ratelimit/RateLimitIntegrationTests}).
 */
public final class FunctionalTestLimits {

	public static final Map<String, String> PROPERTIES = Map.of("rollcall.limits.plans.standard.capacity", "100000000",
			"rollcall.limits.plans.standard.refill-per-second", "100000000",
			"rollcall.limits.plans.standard.client-capacity", "100000000",
			"rollcall.limits.plans.standard.client-refill-per-second", "100000000",
			"rollcall.limits.plans.standard.event-burst", "100000000",
			"rollcall.limits.plans.standard.events-per-second", "100000000");

	private FunctionalTestLimits() {
	}

}
