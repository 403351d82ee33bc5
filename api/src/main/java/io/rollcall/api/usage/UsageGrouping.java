package io.rollcall.api.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** GraphQL {@code UsageGrouping} and {@code groupBy} of {@code GET /v1/usage}. */
enum UsageGrouping {

	/** One bucket per UTC hour. */
	HOUR(ChronoUnit.HOURS),
	/** One bucket per UTC day. */
	DAY(ChronoUnit.DAYS);

	private final ChronoUnit unit;

	UsageGrouping(ChronoUnit unit) {
		this.unit = unit;
	}

	/** The start of the period {@code instant} falls in. */
	Instant start(Instant instant) {
		return instant.truncatedTo(unit);
	}

	Duration length() {
		return unit.getDuration();
	}

}
