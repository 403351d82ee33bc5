package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PacingTests {

	@Test
	void asManyRequestsAsTheRateFitsInTheTime() {
		assertThat(Pacing.of(10, 4, Duration.ofSeconds(30)).requests()).isEqualTo(300);
		// 10 × 2,000 / 3,055 = 6.55 pages/s for 30 s: 196 requests, the last due at
		// 195 × 3,055 / 20,000 s = 29.78625 s, inside the window
		Pacing flood = Pacing.of(10 * 2_000 / 3_055.0, 32, Duration.ofSeconds(30));
		assertThat(flood.requests()).isEqualTo(196);
		assertThat(flood.slot(flood.requests() - 1)).isEqualTo(Duration.ofMillis(29_786).plusNanos(250_000));
		assertThat(Pacing.of(0.01, 1, Duration.ofSeconds(1)).requests()).isEqualTo(1);
	}

	@Test
	void slotsAreEvenlySpacedAtTheRate() {
		Pacing pacing = new Pacing(8, 2, 16);
		assertThat(pacing.slot(0)).isEqualTo(Duration.ZERO);
		assertThat(pacing.slot(1)).isEqualTo(Duration.ofMillis(125));
		assertThat(pacing.slot(15)).isEqualTo(Duration.ofMillis(1_875));
	}

	@Test
	void requestsAreDealtRoundRobinSoEachClientKeepsItsOwnEvenSchedule() {
		Pacing pacing = new Pacing(32, 32, 100);
		assertThat(pacing.requestsOf(0)).containsExactly(0, 32, 64, 96);
		assertThat(pacing.requestsOf(31)).containsExactly(31, 63, 95);
		assertThat(pacing.client(65)).isEqualTo(1);
		// a client's own period is clients / rate: here one request a second
		List<Integer> first = pacing.requestsOf(0);
		assertThat(pacing.slot(first.get(1)).minus(pacing.slot(first.get(0)))).isEqualTo(Duration.ofSeconds(1));
		List<Integer> all = new ArrayList<>();
		IntStream.range(0, pacing.clients()).forEach(client -> all.addAll(pacing.requestsOf(client)));
		Collections.sort(all);
		assertThat(all).isEqualTo(IntStream.range(0, 100).boxed().toList());
	}

	@Test
	void rejectsAnEmptySchedule() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pacing(0, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pacing(1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pacing(1, 1, 0));
	}

	@Test
	void runSendsEveryRequestOnceEachOnItsClient() {
		// a fast schedule (1,000/s): every slot is due within 20 ms, nothing waits long
		Pacing pacing = new Pacing(1_000, 4, 20);
		List<String> sent = Collections.synchronizedList(new ArrayList<>());
		pacing.run((index, late) -> sent.add(index + "@" + Thread.currentThread().getName()));
		assertThat(sent).hasSize(20);
		assertThat(sent.stream().map(entry -> Integer.parseInt(entry.substring(0, entry.indexOf('@')))))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
		// the requests of one client share its thread
		for (int client = 0; client < 4; client++) {
			List<String> threads = pacing.requestsOf(client)
				.stream()
				.map(index -> sent.stream()
					.filter(entry -> entry.startsWith(index + "@"))
					.findFirst()
					.orElseThrow()
					.substring(String.valueOf(index).length() + 1))
				.distinct()
				.toList();
			assertThat(threads).hasSize(1);
		}
	}

	@Test
	void aRequestAfterASlowOneStartsLateInsteadOfAtTheSameTime() {
		// one client, slots 0 ms and 1 ms: the first takes ~20 ms, so the second is late
		Pacing pacing = new Pacing(1_000, 1, 2);
		List<Duration> lateness = Collections.synchronizedList(new ArrayList<>());
		long[] busyUntil = new long[1];
		pacing.run((index, late) -> {
			lateness.add(late);
			if (index == 0) {
				busyUntil[0] = System.nanoTime() + Duration.ofMillis(20).toNanos();
				while (System.nanoTime() < busyUntil[0]) {
					Thread.onSpinWait();
				}
			}
		});
		assertThat(lateness).hasSize(2);
		assertThat(lateness.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(15));
	}

	@Test
	void aFailingSenderFailsTheRun() {
		Pacing pacing = new Pacing(1_000, 2, 4);
		assertThatIllegalStateException().isThrownBy(() -> pacing.run((index, late) -> {
			if (index == 3) {
				throw new IllegalArgumentException("boom");
			}
		})).withMessageContaining("boom");
	}

}
