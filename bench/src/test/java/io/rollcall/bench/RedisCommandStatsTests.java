package io.rollcall.bench;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCommandStatsTests {

	@Test
	void readsCallsByCommandLeavingOutTheBenchmarksOwnReadings() {
		String info = """
				# Commandstats\r
				cmdstat_get:calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0\r
				cmdstat_evalsha:calls=40,usec=900,usec_per_call=22.50,rejected_calls=0,failed_calls=0\r
				cmdstat_info:calls=7,usec=70,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r
				cmdstat_xinfo|groups:calls=3,usec=30,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r
				cmdstat_client|setname:calls=2,usec=2,usec_per_call=1.00,rejected_calls=0,failed_calls=0\r
				""";
		assertThat(RedisCommandStats.parse(info)).containsExactly(Map.entry("client|setname", 2L),
				Map.entry("evalsha", 40L), Map.entry("get", 120L));
	}

	@Test
	void theDeltaKeepsCommandsThatRan() {
		assertThat(RedisCommandStats.delta(Map.of("get", 10L, "xadd", 5L), Map.of("get", 25L, "xadd", 5L, "incr", 3L)))
			.containsExactly(Map.entry("get", 15L), Map.entry("incr", 3L));
	}

}
