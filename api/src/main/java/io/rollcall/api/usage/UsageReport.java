package io.rollcall.api.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A usage read: the range it covers and its buckets, by client then period.
 *
 * @param from the first instant of the first period
 * @param to the instant after the last period
 * @param groupBy the periods' length
 * @param buckets per client (in client id order) every period of the range, empty ones
 * included
 */
record UsageReport(Instant from, Instant to, UsageGrouping groupBy, List<UsageBucket> buckets) {

	/**
	 * The periods of {@code groupBy} that overlap {@code range}, each with the hours it
	 * is made of (a client's counters are kept per hour).
	 */
	static List<Period> periods(UsageRange range, UsageGrouping groupBy) {
		List<Period> periods = new ArrayList<>();
		for (Instant start = groupBy.start(range.from()); start
			.isBefore(range.to()); start = start.plus(groupBy.length())) {
			List<Instant> hours = new ArrayList<>();
			Instant end = start.plus(groupBy.length());
			for (Instant hour = start; hour.isBefore(end); hour = hour.plus(UsageGrouping.HOUR.length())) {
				hours.add(hour);
			}
			periods.add(new Period(start, end, hours));
		}
		return periods;
	}

	/**
	 * One bucket per period of {@code clientId}, from its hourly counters: one map per
	 * hour of the periods, in order, as Redis holds them.
	 */
	static List<UsageBucket> buckets(String clientId, List<Period> periods, List<Map<String, String>> hourly) {
		List<UsageBucket> buckets = new ArrayList<>(periods.size());
		int hour = 0;
		for (Period period : periods) {
			long requests = 0;
			long cost = 0;
			long events = 0;
			Map<String, Long> refused = new TreeMap<>();
			for (int i = 0; i < period.hours().size(); i++, hour++) {
				for (Map.Entry<String, String> counter : hourly.get(hour).entrySet()) {
					long value = Long.parseLong(counter.getValue());
					switch (counter.getKey()) {
						case UsageCounters.REQUESTS -> requests += value;
						case UsageCounters.COST -> cost += value;
						case UsageCounters.EVENTS -> events += value;
						default -> {
							if (counter.getKey().startsWith(UsageCounters.REFUSED)) {
								refused.merge(counter.getKey().substring(UsageCounters.REFUSED.length()), value,
										Long::sum);
							}
						}
					}
				}
			}
			buckets.add(new UsageBucket(clientId, period.start(), period.end(), requests, cost, events,
					refused.entrySet()
						.stream()
						.map(code -> new UsageRefusal(code.getKey(), code.getValue()))
						.toList()));
		}
		return buckets;
	}

	/** Whether any bucket counts anything. */
	static boolean anyUse(List<UsageBucket> buckets) {
		return buckets.stream()
			.anyMatch(bucket -> bucket.requests() != 0 || bucket.costUnits() != 0 || bucket.eventsWritten() != 0
					|| !bucket.refusals().isEmpty());
	}

	/** A bucket's time span and the hours of counters it sums. */
	record Period(Instant start, Instant end, List<Instant> hours) {
	}

}
