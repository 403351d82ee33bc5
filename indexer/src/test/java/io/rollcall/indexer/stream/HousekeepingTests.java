package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HousekeepingTests {

	@Test
	void streamIdsAreOrderedByTimeThenSequenceAsNumbersNotText() {
		assertThat(Housekeeping.compareIds("9-0", "10-0")).isNegative();
		assertThat(Housekeeping.compareIds("5-10", "5-2")).isPositive();
		assertThat(Housekeeping.compareIds("1700000000000-3", "1700000000000-3")).isZero();
	}

}
