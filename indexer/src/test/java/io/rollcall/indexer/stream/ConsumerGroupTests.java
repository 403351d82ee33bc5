package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumerGroupTests {

	@Test
	void streamIdsAreOrderedByTimeThenSequenceAsNumbersNotText() {
		assertThat(ConsumerGroup.compareIds("9-0", "10-0")).isNegative();
		assertThat(ConsumerGroup.compareIds("5-10", "5-2")).isPositive();
		assertThat(ConsumerGroup.compareIds("1700000000000-3", "1700000000000-3")).isZero();
	}

}
