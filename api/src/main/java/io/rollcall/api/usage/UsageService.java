package io.rollcall.api.usage;

import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Usage reads, always of the caller's tenant: the caller's own client
 * ({@code analytics:read}) or every client of the tenant ({@code usage:read-tenant}). A
 * read covers the UTC hours or days that overlap its range, whole, empty ones included;
 * without a range, the current hour and the 23 before it. It first writes what this
 * instance has counted, so a client sees everything it did here; other instances' counts
 * arrive within {@code rollcall.usage.flush-interval}.
 */
@Service
public class UsageService {

	private static final Duration DEFAULT_SPAN = Duration.ofHours(24);

	private final UsageRedis redis;

	private final UsageWriter writer;

	private final UsageProperties properties;

	private final Callers callers;

	private final Clock clock;

	UsageService(UsageRedis redis, UsageWriter writer, UsageProperties properties, Callers callers, Clock clock) {
		this.redis = redis;
		this.writer = writer;
		this.properties = properties;
		this.callers = callers;
		this.clock = clock;
	}

	/**
	 * The caller's client's usage over {@code range} (null: the last 24 hours; a null
	 * end: up to the end of the current hour; a null start: 24 hours before the end), by
	 * {@code groupBy} (null: by hour).
	 * @throws InvalidArgumentException ({@code range}) when it is empty or longer than
	 * {@code rollcall.usage.retention}
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public UsageReport clientUsage(UsageRange range, UsageGrouping groupBy) {
		Caller caller = callers.current();
		return report(range, groupBy, periods -> read(caller.tenantId(), caller.clientId(), periods));
	}

	/**
	 * The usage of every client of the caller's tenant that used the api in {@code range}
	 * (resolved as in {@link #clientUsage}), by client id.
	 */
	@PreAuthorize(Scopes.HAS_USAGE_READ_TENANT)
	public UsageReport tenantUsage(UsageRange range, UsageGrouping groupBy) {
		Caller caller = callers.current();
		return report(range, groupBy, periods -> {
			List<UsageBucket> buckets = new ArrayList<>();
			for (String clientId : redis.clientsActiveSince(caller.tenantId(), periods.getFirst().start())
				.stream()
				.sorted()
				.toList()) {
				List<UsageBucket> client = read(caller.tenantId(), clientId, periods);
				if (UsageReport.anyUse(client)) {
					buckets.addAll(client);
				}
			}
			return buckets;
		});
	}

	/**
	 * Resolves {@code range} into the periods of {@code groupBy} (null: by hour), writes
	 * what this instance counted, then reads the periods' {@code buckets}.
	 */
	private UsageReport report(UsageRange range, UsageGrouping groupBy,
			Function<List<UsageReport.Period>, List<UsageBucket>> buckets) {
		UsageGrouping grouping = groupBy == null ? UsageGrouping.HOUR : groupBy;
		List<UsageReport.Period> periods = UsageReport.periods(resolve(range), grouping);
		writer.flush();
		return new UsageReport(periods.getFirst().start(), periods.getLast().end(), grouping, buckets.apply(periods));
	}

	private List<UsageBucket> read(String tenantId, String clientId, List<UsageReport.Period> periods) {
		List<Instant> hours = periods.stream().flatMap(period -> period.hours().stream()).toList();
		return UsageReport.buckets(clientId, periods, redis.read(tenantId, clientId, hours));
	}

	private UsageRange resolve(UsageRange range) {
		Instant to = range != null && range.to() != null ? range.to()
				: clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant from = range != null && range.from() != null ? range.from() : to.minus(DEFAULT_SPAN);
		if (!from.isBefore(to)) {
			throw new InvalidArgumentException("range", "must end after it starts");
		}
		if (Duration.between(from, to).compareTo(properties.retention()) > 0) {
			throw new InvalidArgumentException("range",
					"must span at most " + properties.retention().toDays() + " days, as long as usage is kept");
		}
		return new UsageRange(from, to);
	}

}
