package io.rollcall.bench;

import java.util.List;
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
	void aClustersCallsAreSummedOverItsMasters() {
		String first = """
				cmdstat_get:calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0\r
				cmdstat_xadd:calls=9,usec=90,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r
				""";
		String second = """
				cmdstat_get:calls=30,usec=60,usec_per_call=2.00,rejected_calls=0,failed_calls=0\r
				cmdstat_info:calls=4,usec=40,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r
				cmdstat_evalsha:calls=5,usec=100,usec_per_call=20.00,rejected_calls=0,failed_calls=0\r
				""";
		assertThat(RedisCommandStats.total(List.of(first, second))).containsExactly(Map.entry("evalsha", 5L),
				Map.entry("get", 150L), Map.entry("xadd", 9L));
	}

	@Test
	void theDeltaKeepsCommandsThatRan() {
		assertThat(RedisCommandStats.delta(Map.of("get", 10L, "xadd", 5L), Map.of("get", 25L, "xadd", 5L, "incr", 3L)))
			.containsExactly(Map.entry("get", 15L), Map.entry("incr", 3L));
	}

}
