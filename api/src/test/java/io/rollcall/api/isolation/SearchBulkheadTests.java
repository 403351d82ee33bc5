package io.rollcall.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.api.YamlFixture;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A busy tenant waits for its own slots; other tenants do not wait for it. */
class SearchBulkheadTests {

	private final SearchBulkhead bulkhead = new SearchBulkhead(YamlFixture.bind("""
			rollcall.isolation:
			  max-concurrent-searches: 2
			  queue-timeout: 200ms
			  retry-after: 3s
			""", "rollcall.isolation", IsolationProperties.class));

	@Test
	void aTenantAtItsLimitQueuesThenIsOverloadedWhileOthersPass() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
		try {
			for (int i = 0; i < 2; i++) {
				pool.submit(() -> bulkhead.call("noisy", () -> await(release)));
			}
			Awaitility.await().until(() -> bulkhead.running("noisy") == 2);

			assertThatThrownBy(() -> bulkhead.call("noisy", () -> "third"))
				.isInstanceOfSatisfying(RollcallException.class, e -> {
					assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED);
					assertThat(e.details()).containsEntry("retryAfterMs", 3_000L);
				});
			assertThat(bulkhead.call("quiet", () -> "quiet ran")).isEqualTo("quiet ran");
		}
		finally {
			release.countDown();
			pool.shutdown();
		}
		Awaitility.await().until(() -> bulkhead.running("noisy") == 0);
		assertThat(bulkhead.call("noisy", () -> "after")).isEqualTo("after");
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Test
	void theSearchTimeoutIsGivenToElasticsearchInMilliseconds() {
		assertThat(bulkhead.searchTimeout()).isEqualTo("5000ms");
	}

}
