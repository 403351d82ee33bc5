package io.rollcall.api.usage;

import java.util.Map;
import java.util.TreeMap;

/** What {@link UsageCounters} gathered, for other packages' unit tests. */
public final class TestUsage {

	private TestUsage() {
	}

	/** Takes what {@code counters} gathered, summed by field over clients and hours. */
	public static Map<String, Long> drainByField(UsageCounters counters) {
		Map<String, Long> byField = new TreeMap<>();
		counters.drain().forEach((cell, value) -> byField.merge(cell.field(), value, Long::sum));
		return byField;
	}

}
