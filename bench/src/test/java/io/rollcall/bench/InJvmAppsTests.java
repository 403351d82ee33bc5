package io.rollcall.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InJvmAppsTests {

	@Test
	void aCounterIsSummedOverItsOtherTagsAndAbsentWhenTheAppHasNone() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		assertThat(InJvmApps.count(meters, "rollcall.cache.requests", "result", "hit")).isEmpty();
		meters.counter("rollcall.cache.requests", "result", "hit", "tenant", "demo").increment(3);
		meters.counter("rollcall.cache.requests", "result", "hit", "tenant", "other").increment(2);
		meters.counter("rollcall.cache.requests", "result", "miss", "tenant", "demo").increment();
		assertThat(InJvmApps.count(meters, "rollcall.cache.requests", "result", "hit")).hasValue(5);
		assertThat(InJvmApps.count(meters, "rollcall.cache.requests", "result", "bypass")).hasValue(0);
	}

}
