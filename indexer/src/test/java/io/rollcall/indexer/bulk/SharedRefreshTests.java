package io.rollcall.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.index.IndexNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shared refreshes, with a refresher that counts and can be held: a caller always waits
 * for a refresh that started after its call, callers in between share one, a caller that
 * a writer waits on does not wait for the interval, and a failure reaches every sharer.
 */
class SharedRefreshTests {

	/** A thread per caller (the common pool may have only one on a small machine). */
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger refreshes = new AtomicInteger();

	private volatile CountDownLatch hold = new CountDownLatch(0);

	private volatile RuntimeException failure;

	private final Refresher refresher = new Refresher(null, null) {

		@Override
		public void refresh(String... indices) {
			assertThat(indices).containsExactly("r-events", "r-progress", "r-contacts", "r-programs");
			refreshes.incrementAndGet();
			try {
				hold.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (failure != null) {
				throw failure;
			}
		}

	};

	@Test
	void callersArrivingWhileARefreshRunsShareTheNextOne() {
		SharedRefresh shared = shared(Duration.ZERO);
		hold = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> shared.refresh(false), threads);
		await().until(() -> refreshes.get() == 1);
		List<CompletableFuture<Void>> later = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			later.add(CompletableFuture.runAsync(() -> shared.refresh(false), threads));
		}
		await().until(() -> shared.waiting() == 5);

		// The running refresh started before their calls: none of them returns with it.
		hold.countDown();
		first.join();
		later.forEach(CompletableFuture::join);

		assertThat(refreshes).hasValue(2);
	}

	@Test
	void theFirstRefreshStartsAtOnceAndLaterOnesWaitForTheIntervalUnlessAWriterWaits() {
		SharedRefresh shared = shared(Duration.ofHours(1));
		shared.refresh(false);
		assertThat(refreshes).hasValue(1);
		CompletableFuture<Void> unhurried = CompletableFuture.runAsync(() -> shared.refresh(false), threads);
		await().until(() -> shared.waiting() == 1);
		assertThat(unhurried).isNotDone();

		// A run a writer waits on starts the refresh now; the waiting run shares it.
		shared.refresh(true);
		unhurried.join();

		assertThat(refreshes).hasValue(2);
	}

	@Test
	void aFailedRefreshFailsEveryCallerSharingIt() {
		SharedRefresh shared = shared(Duration.ZERO);
		hold = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> shared.refresh(false), threads);
		await().until(() -> refreshes.get() == 1);
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> shared.refresh(false), threads);
		CompletableFuture<Void> third = CompletableFuture.runAsync(() -> shared.refresh(false), threads);
		await().until(() -> shared.waiting() == 2);
		failure = new UnavailableException("refresh failed", Duration.ZERO, null);
		hold.countDown();

		for (CompletableFuture<Void> caller : List.of(first, second, third)) {
			assertThatThrownBy(caller::join).hasCauseInstanceOf(UnavailableException.class);
		}
		assertThat(refreshes).hasValue(2);
	}

	@AfterEach
	void release() {
		hold.countDown();
		threads.close();
	}

	private SharedRefresh shared(Duration interval) {
		return new SharedRefresh(refresher, new IndexNames("r"), new RefreshProperties(interval));
	}

}
