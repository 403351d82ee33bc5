package io.rollcall.stack;

import java.util.Map;

/**
 * Rate-limit plans as the api's properties ({@code rollcall.limits.plans.<name>.*}, see
 * docs/RATE-LIMITS.md), for the launchers that configure an api: the local stack and the
 * benchmark.
 */
public final class LimitPlans {

	private LimitPlans() {
	}

	/**
	 * The properties of plan {@code name}: {@code queryBurst} cost units refilled at
	 * {@code queriesPerSecond} for the tenant's query bucket and for each client's, and
	 * {@code eventBurst} events refilled at {@code eventsPerSecond} for the tenant's
	 * writes.
	 */
	public static Map<String, String> plan(String name, long queryBurst, long queriesPerSecond, long eventBurst,
			long eventsPerSecond) {
		String prefix = "rollcall.limits.plans." + name + ".";
		return Map.of(prefix + "capacity", Long.toString(queryBurst), prefix + "refill-per-second",
				Long.toString(queriesPerSecond), prefix + "client-capacity", Long.toString(queryBurst),
				prefix + "client-refill-per-second", Long.toString(queriesPerSecond), prefix + "event-burst",
				Long.toString(eventBurst), prefix + "events-per-second", Long.toString(eventsPerSecond));
	}

}
