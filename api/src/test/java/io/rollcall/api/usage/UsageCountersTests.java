package io.rollcall.api.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageCountersTests {

	private static final Instant AT = Instant.parse("2026-11-20T09:41:07Z");

	private static final Instant HOUR = Instant.parse("2026-11-20T09:00:00Z");

	private static final Caller PARTNER = new Caller("demo", "acme-sync", null, List.of());

	private final UsageCounters counters = new UsageCounters(Clock.fixed(AT, ZoneOffset.UTC));

	@Test
	void countsAreSummedPerClientHourAndField() {
		counters.request(PARTNER, null);
		counters.request(PARTNER, "RATE_LIMITED");
		counters.request(new Caller("demo", "other-client", null, List.of()), null);
		counters.eventsWritten(PARTNER, 7);
		counters.eventsWritten(PARTNER, 3);

		assertThat(counters.drain()).containsOnly(Map.entry(cell("acme-sync", "requests"), 2L),
				Map.entry(cell("acme-sync", "refused:RATE_LIMITED"), 1L),
				Map.entry(cell("other-client", "requests"), 1L), Map.entry(cell("acme-sync", "events"), 10L));
	}

	@Test
	void aChargeCountsOnceSettledInTheHourItWasMade() {
		MutableClock clock = new MutableClock(AT);
		UsageCounters hourly = new UsageCounters(clock);
		UsageCounters.Charge charge = hourly.charge(PARTNER);

		assertThat(hourly.drain()).as("nothing while in flight").isEmpty();
		clock.now = AT.plusSeconds(3600);
		charge.settle(25);
		charge.settle(205);

		assertThat(hourly.drain()).containsExactly(Map.entry(cell("acme-sync", "cost"), 25L));
	}

	@Test
	void drainingTakesEverythingOnceAndRestoringGivesItBack() {
		counters.request(PARTNER, null);
		Map<UsageCounters.Cell, Long> first = counters.drain();

		assertThat(counters.drain()).isEmpty();
		counters.request(PARTNER, null);
		counters.restore(first);
		assertThat(counters.drain()).containsExactly(Map.entry(cell("acme-sync", "requests"), 2L));
	}

	private static UsageCounters.Cell cell(String client, String field) {
		return new UsageCounters.Cell("demo", client, HOUR, field);
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
