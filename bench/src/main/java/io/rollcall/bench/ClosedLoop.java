package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop clients: each sends its next request as soon as its last one is answered
 * (no think time), until a common deadline; a request started before the deadline is
 * waited for, and every client sends at least one. So at most {@code clients} requests
 * are in flight, and what the server answers per second at that concurrency is its
 * throughput. The opposite of {@link Pacing}, whose offered rate does not depend on the
 * answers.
 */
final class ClosedLoop {

	private ClosedLoop() {
	}

	/**
	 * Runs {@code clients} clients for {@code window}; returns the time from the start to
	 * the last answer.
	 * @throws IllegalStateException when {@code sender} throws (the other clients finish
	 * first)
	 */
	static Duration run(int clients, Duration window, Sender sender) {
		long start = System.nanoTime();
		long deadline = start + window.toNanos();
		try (ExecutorService executor = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int id = client;
				running.add(executor.submit(() -> {
					long request = 0;
					do {
						sender.send(id, request++);
					}
					while (System.nanoTime() - deadline < 0);
				}));
			}
			running.forEach(client -> Parallel.await(client, "a closed-loop client"));
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** Sends one request and waits for its answer. */
	@FunctionalInterface
	interface Sender {

		/**
		 * Sends {@code client}'s request number {@code request} (0, 1, 2... per client).
		 */
		void send(int client, long request);

	}

}
