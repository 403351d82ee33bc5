package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClosedLoopTests {

	@Test
	void eachClientSendsItsRequestsInOrderOneAtATimeAtLeastOnce() {
		Map<Integer, List<Long>> sent = new ConcurrentHashMap<>();
		Map<Integer, Integer> inFlight = new ConcurrentHashMap<>();
		ClosedLoop.run(4, Duration.ofMillis(50), (client, request) -> {
			assertThat(inFlight.merge(client, 1, Integer::sum)).isEqualTo(1);
			sent.computeIfAbsent(client, c -> new ArrayList<>()).add(request);
			DirectElasticsearch.pause(Duration.ofMillis(1));
			inFlight.merge(client, -1, Integer::sum);
		});
		assertThat(sent).containsOnlyKeys(0, 1, 2, 3);
		sent.values()
			.forEach(requests -> assertThat(requests)
				.containsExactlyElementsOf(java.util.stream.LongStream.range(0, requests.size()).boxed().toList()));
	}

	@Test
	void aFailingClientFailsTheRun() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ClosedLoop.run(2, Duration.ofMillis(20), (client, request) -> {
				if (client == 1) {
					throw new IllegalArgumentException("broken client");
				}
			}))
			.withMessageContaining("broken client");
	}

}
