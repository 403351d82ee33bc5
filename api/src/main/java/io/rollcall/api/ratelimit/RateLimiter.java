package io.rollcall.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.admission.Generations;
import io.rollcall.api.isolation.Beside;
import io.rollcall.api.security.Caller;
import io.rollcall.api.usage.UsageCounters;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges requests to their buckets. A GraphQL operation reserves its estimated cost from
 * its tenant's bucket and its client's at once, in one Redis round trip that takes from
 * both or from neither (a request refused by either costs nothing) and also reads the
 * tenant's cache generations; it is settled once its actual cost is known: the unused
 * part is refunded, an overrun charged, on both buckets in a second round trip (none when
 * the estimate was right). The units its buckets were charged in the end are counted as
 * its client's usage (see {@link #keep} for operations never settled). Writes charge
 * their item count to the tenant's events bucket. Every request costs at least one unit.
 * Each refusal counts in {@code rollcall.ratelimit.rejected} by policy, bounded tenant
 * and mode ({@code warn} when warn-only let it through).
 */
public final class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/**
	 * Retry hints are capped: a cost over the whole capacity would otherwise never pass.
	 */
	private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

	private final BucketStore store;

	private final RateLimitProperties properties;

	private final UsageCounters usage;

	private final IngestKeys keys;

	private final MeterRegistry meters;

	private final TenantTags tenants;

	RateLimiter(BucketStore store, RateLimitProperties properties, UsageCounters usage, IngestKeys keys,
			MeterRegistry meters, TenantTags tenants) {
		this.store = store;
		this.properties = properties;
		this.usage = usage;
		this.keys = keys;
		this.meters = meters;
		this.tenants = tenants;
	}

	/**
	 * Reserves {@code cost} units for a GraphQL operation of {@code caller}, reading its
	 * tenant's cache generations in the same round trip.
	 * @return the reservation; fails with {@link RateLimitedException} when the tenant's
	 * or the client's bucket lacks the units (unless warn-only), with
	 * {@code UnavailableException} while Redis is away in {@code FAIL_CLOSED} mode
	 */
	CompletableFuture<Reservation> reserve(Caller caller, long cost) {
		RateLimitProperties.Plan plan = properties.planOf(caller.tenantId(), caller.clientId());
		long charge = Math.max(1, cost);
		List<BucketStore.Limit> limits = List.of(
				new BucketStore.Limit(tenantKey(caller, "queries"), "tenant", plan.capacity(), plan.refillPerSecond()),
				new BucketStore.Limit("client:{" + caller.tenantId() + "}:" + caller.clientId() + ":queries", "client",
						plan.clientCapacity(), plan.clientRefillPerSecond()));
		return store.take(limits, charge, keys.cacheGenerations(caller.tenantId())).thenApply(taken -> {
			Optional<Generations> generations = taken.read().map(Generations::parse);
			if (!taken.allGiven()) {
				return refused(caller, limits, taken, charge, generations);
			}
			return new Reservation(charge, readings(limits, taken.levels()), usage.charge(caller), generations);
		});
	}

	/**
	 * Settles {@code reservation} to {@code actualCost}: refunds what was not used or
	 * charges the overrun, and returns what the buckets hold afterwards. The client's
	 * usage counts what its buckets were charged in the end.
	 */
	CompletableFuture<RateLimitHeaders> settle(Reservation reservation, long actualCost) {
		long charged = Math.max(1, actualCost);
		long difference = reservation.reserved() - charged;
		if (reservation.readings().isEmpty()) {
			// Over a limit in warn-only mode: nothing was reserved, nothing is charged.
			return CompletableFuture.completedFuture(new RateLimitHeaders(reservation.readings()));
		}
		if (difference == 0) {
			reservation.usage().settle(charged);
			return CompletableFuture.completedFuture(new RateLimitHeaders(reservation.readings()));
		}
		List<BucketStore.Limit> limits = reservation.readings().stream().map(RateLimitHeaders.Reading::limit).toList();
		return store.adjust(limits, difference).thenApply(levels -> {
			reservation.usage().settle(charged);
			return new RateLimitHeaders(readings(limits, levels));
		});
	}

	/**
	 * Leaves {@code reservation}'s estimate charged, as its operation will not be settled
	 * (cut off by its deadline, abandoned by its client, failed, or Redis gone), and
	 * counts it as its client's usage. Does nothing once the reservation is settled.
	 */
	void keep(Reservation reservation) {
		reservation.usage().settle(reservation.reserved());
	}

	/**
	 * Charges {@code items} written events or contacts to the tenant's events bucket.
	 * @throws RateLimitedException when the bucket lacks them (unless warn-only)
	 */
	public void chargeWrites(Caller caller, long items) {
		RateLimitProperties.Plan plan = properties.planOf(caller.tenantId());
		List<BucketStore.Limit> events = List.of(new BucketStore.Limit(tenantKey(caller, "events"), "events",
				plan.eventBurst(), plan.eventsPerSecond()));
		long charge = Math.max(1, items);
		BucketStore.Taken taken = Beside.join(store.take(events, charge, null));
		if (!taken.allGiven()) {
			refused(caller, events, taken, charge, Optional.empty());
		}
	}

	/** A bucket of the tenant's, named under its hash tag (one Redis Cluster slot). */
	private static String tenantKey(Caller caller, String bucket) {
		return "tenant:{" + caller.tenantId() + "}:" + bucket;
	}

	/**
	 * The refusal by {@code taken}'s refusing bucket, with the readings of the buckets
	 * before it (nothing was taken from any); in warn-only mode, an admission that
	 * reserved nothing.
	 */
	private Reservation refused(Caller caller, List<BucketStore.Limit> limits, BucketStore.Taken taken, long charge,
			Optional<Generations> generations) {
		BucketStore.Limit limit = limits.get(taken.refused());
		meters
			.counter("rollcall.ratelimit.rejected", "policy", limit.policy(), TenantTags.TAG,
					tenants.of(caller.tenantId()), "mode", properties.warnOnly() ? "warn" : "enforce")
			.increment();
		if (properties.warnOnly()) {
			log.warn("warn-only: tenant {} client {} over its {} limit ({} units)", caller.tenantId(),
					caller.clientId(), limit.policy(), charge);
			return new Reservation(0, List.of(), usage.charge(caller), generations);
		}
		BucketStore.Level level = taken.levels().get(taken.refused());
		Duration retryAfter = Duration.ofNanos(Math.min(level.nanosToEnough(), MAX_RETRY_AFTER.toNanos()));
		List<RateLimitHeaders.Reading> readings = new ArrayList<>(
				readings(limits.subList(0, taken.refused() + 1), taken.levels()));
		throw new RateLimitedException(
				"the " + limit.policy() + " rate limit is exhausted; retry after "
						+ RateLimitedException.retryAfterSeconds(retryAfter) + "s",
				retryAfter, new RateLimitHeaders(readings));
	}

	private static List<RateLimitHeaders.Reading> readings(List<BucketStore.Limit> limits,
			List<BucketStore.Level> levels) {
		List<RateLimitHeaders.Reading> readings = new ArrayList<>();
		for (int i = 0; i < limits.size(); i++) {
			readings
				.add(new RateLimitHeaders.Reading(limits.get(i), levels.get(i).tokens(), levels.get(i).nanosToFull()));
		}
		return readings;
	}

	/**
	 * Units reserved for one operation, what its buckets held afterwards (nothing
	 * reserved in warn-only mode when over a limit), its client's usage, counted when it
	 * is settled or kept, and the tenant's cache generations read along (empty when the
	 * limiter is on its local fallback).
	 */
	record Reservation(long reserved, List<RateLimitHeaders.Reading> readings, UsageCounters.Charge usage,
			Optional<Generations> generations) {
	}

}
