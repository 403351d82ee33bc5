package io.rollcall.bench;

import java.util.OptionalDouble;

/**
 * The api's result-cache look-ups by result; empty when the api has no {@value #METER}
 * counter.
 */
record CacheLookups(OptionalDouble hits, OptionalDouble misses, OptionalDouble bypasses) {

	static final String METER = "rollcall.cache.requests";

	/** The look-ups the api instance the benchmark measures has counted so far. */
	static CacheLookups read(BenchApps apps) {
		return new CacheLookups(apps.apiCount(METER, "result", "hit"), apps.apiCount(METER, "result", "miss"),
				apps.apiCount(METER, "result", "bypass"));
	}

	CacheLookups minus(CacheLookups before) {
		return new CacheLookups(minus(this.hits, before.hits), minus(this.misses, before.misses),
				minus(this.bypasses, before.bypasses));
	}

	private static OptionalDouble minus(OptionalDouble after, OptionalDouble before) {
		return (after.isPresent() && before.isPresent()) ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
				: OptionalDouble.empty();
	}

	/** Hits over all look-ups; empty without the counter or without a look-up. */
	OptionalDouble hitRatio() {
		if (this.hits.isEmpty() || this.misses.isEmpty() || this.bypasses.isEmpty()) {
			return OptionalDouble.empty();
		}
		double all = this.hits.getAsDouble() + this.misses.getAsDouble() + this.bypasses.getAsDouble();
		return all == 0 ? OptionalDouble.empty() : OptionalDouble.of(this.hits.getAsDouble() / all);
	}

}
