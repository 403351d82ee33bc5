package io.rollcall.api.ratelimit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Where the rate limiter's buckets live ({@code mode}): {@code DISTRIBUTED} in Redis
 * (UP); {@code LOCAL_FALLBACK} while Redis is unreachable and the policy is
 * {@code FAIL_OPEN} (still UP: requests are served, limited per instance); {@code CLOSED}
 * while Redis is unreachable and the policy is {@code FAIL_CLOSED} (OUT_OF_SERVICE:
 * rate-limited requests are refused). The state is what the last request saw; no probe of
 * its own.
 */
final class RateLimiterHealthIndicator implements HealthIndicator {

	private final BucketStore store;

	RateLimiterHealthIndicator(BucketStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		BucketStore.State state = store.state();
		Health.Builder health = switch (state.mode()) {
			case DISTRIBUTED, LOCAL_FALLBACK -> Health.up();
			case CLOSED -> Health.outOfService();
		};
		health.withDetail("mode", state.mode().name());
		if (state.lastFailure() != null) {
			health.withDetail("redisFailure", state.lastFailure());
		}
		return health.build();
	}

}
