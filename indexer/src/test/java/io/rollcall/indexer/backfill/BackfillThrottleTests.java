package io.rollcall.indexer.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackfillThrottleTests {

	@Test
	void allowsOneSecondOfEventsThenNothingUntilTheDebtIsRepaid() {
		BackfillThrottle throttle = new BackfillThrottle(new BackfillProperties(1_000,
				new BackfillProperties.Load(null, null, null, 1_000, 100, Duration.ofMinutes(10), 1_000)));

		assertThat(throttle.allowance()).isEqualTo(1_000);
		throttle.consumed(400);
		assertThat(throttle.allowance()).isBetween(600L, 1_000L);
		// A whole entry read with the last tokens: the bucket goes into debt, the
		// allowance is 0.
		throttle.consumed(5_000);
		assertThat(throttle.allowance()).isZero();
	}

}
