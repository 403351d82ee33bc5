package io.rollcall.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.rollcall.api.isolation.Beside;
import io.rollcall.api.security.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges requests to their buckets. A GraphQL operation reserves its estimated cost from
 * its tenant's bucket and its client's at once (their Redis round trips overlap; a
 * refusal by either gives back what the other took, so a refused request costs nothing),
 * and is settled once its actual cost is known: the unused part is refunded, an overrun
 * charged, again on both buckets at once. Writes charge their item count to the tenant's
 * events bucket. Every request costs at least one unit. All bucket arithmetic is
 * Bucket4j's.
 */
public final class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/**
	 * Retry hints are capped: a cost over the whole capacity would otherwise never pass.
	 */
	private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

	private final BucketStore store;

	private final RateLimitProperties properties;

	RateLimiter(BucketStore store, RateLimitProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Reserves {@code cost} units for a GraphQL operation of {@code caller}.
	 * @throws RateLimitedException when the tenant's or the client's bucket lacks them
	 * (unless warn-only)
	 */
	Reservation reserve(Caller caller, long cost) {
		RateLimitProperties.Plan plan = properties.planOf(caller.tenantId());
		long charge = Math.max(1, cost);
		BucketStore.Limit tenant = new BucketStore.Limit("tenant:{" + caller.tenantId() + "}:queries", "tenant",
				plan.capacity(), plan.refillPerSecond());
		BucketStore.Limit client = new BucketStore.Limit(
				"client:{" + caller.tenantId() + "}:" + caller.clientId() + ":queries", "client", plan.clientCapacity(),
				plan.clientRefillPerSecond());
		CompletableFuture<ConsumptionProbe> clientCharge = Beside.start("rate-limit", () -> consume(client, charge));
		ConsumptionProbe byTenant;
		try {
			byTenant = consume(tenant, charge);
		}
		catch (RuntimeException e) {
			clientCharge.thenAccept(byClient -> giveBack(client, byClient, charge));
			throw e;
		}
		ConsumptionProbe byClient;
		try {
			byClient = Beside.join(clientCharge);
		}
		catch (RuntimeException e) {
			giveBack(tenant, byTenant, charge);
			throw e;
		}
		if (!byTenant.isConsumed()) {
			giveBack(client, byClient, charge);
			return refused(caller, tenant, byTenant, charge, List.of());
		}
		if (!byClient.isConsumed()) {
			giveBack(tenant, byTenant, charge);
			return refused(caller, client, byClient, charge, List.of(reading(tenant, byTenant)));
		}
		return new Reservation(charge, List.of(reading(tenant, byTenant), reading(client, byClient)));
	}

	/**
	 * Settles {@code reservation} to {@code actualCost}: refunds what was not used or
	 * charges the overrun, and returns what the buckets hold afterwards.
	 */
	RateLimitHeaders settle(Reservation reservation, long actualCost) {
		long difference = reservation.reserved() - Math.max(1, actualCost);
		if (difference == 0 || reservation.readings().isEmpty()) {
			return new RateLimitHeaders(reservation.readings());
		}
		List<CompletableFuture<RateLimitHeaders.Reading>> settled = reservation.readings()
			.stream()
			.map(reading -> Beside.start("rate-limit", () -> adjust(reading.limit(), difference)))
			.toList();
		return new RateLimitHeaders(settled.stream().map(Beside::join).toList());
	}

	private RateLimitHeaders.Reading adjust(BucketStore.Limit limit, long difference) {
		VerboseResult<?> result = store.apply(limit, bucket -> difference > 0 ? bucket.asVerbose().addTokens(difference)
				: bucket.asVerbose().consumeIgnoringRateLimits(-difference));
		return new RateLimitHeaders.Reading(limit, result.getDiagnostics().getAvailableTokens(),
				result.getDiagnostics().calculateFullRefillingTime());
	}

	/**
	 * Charges {@code items} written events or contacts to the tenant's events bucket.
	 * @throws RateLimitedException when the bucket lacks them (unless warn-only)
	 */
	public void chargeWrites(Caller caller, long items) {
		RateLimitProperties.Plan plan = properties.planOf(caller.tenantId());
		BucketStore.Limit events = new BucketStore.Limit("tenant:{" + caller.tenantId() + "}:events", "events",
				plan.eventBurst(), plan.eventsPerSecond());
		long charge = Math.max(1, items);
		ConsumptionProbe probe = store.apply(events, bucket -> bucket.tryConsumeAndReturnRemaining(charge));
		if (!probe.isConsumed()) {
			refused(caller, events, probe, charge, List.of());
		}
	}

	private ConsumptionProbe consume(BucketStore.Limit limit, long tokens) {
		return store.apply(limit, bucket -> bucket.tryConsumeAndReturnRemaining(tokens));
	}

	/** Returns {@code tokens} to {@code limit}'s bucket if {@code probe} took them. */
	private void giveBack(BucketStore.Limit limit, ConsumptionProbe probe, long tokens) {
		if (probe.isConsumed()) {
			store.apply(limit, bucket -> {
				bucket.addTokens(tokens);
				return null;
			});
		}
	}

	private Reservation refused(Caller caller, BucketStore.Limit limit, ConsumptionProbe probe, long charge,
			List<RateLimitHeaders.Reading> others) {
		Duration retryAfter = Duration.ofNanos(Math.min(probe.getNanosToWaitForRefill(), MAX_RETRY_AFTER.toNanos()));
		if (properties.warnOnly()) {
			log.warn("warn-only: tenant {} client {} over its {} limit ({} units)", caller.tenantId(),
					caller.clientId(), limit.policy(), charge);
			return new Reservation(0, List.of());
		}
		List<RateLimitHeaders.Reading> readings = new ArrayList<>(others);
		readings.add(reading(limit, probe));
		throw new RateLimitedException(
				"the " + limit.policy() + " rate limit is exhausted; retry after "
						+ RateLimitedException.retryAfterSeconds(retryAfter) + "s",
				retryAfter, new RateLimitHeaders(readings));
	}

	private static RateLimitHeaders.Reading reading(BucketStore.Limit limit, ConsumptionProbe probe) {
		return new RateLimitHeaders.Reading(limit, probe.getRemainingTokens(), probe.getNanosToWaitForReset());
	}

	/**
	 * Units reserved for one operation and what its buckets held afterwards (nothing
	 * reserved in warn-only mode when over a limit).
	 */
	record Reservation(long reserved, List<RateLimitHeaders.Reading> readings) {
	}

}
