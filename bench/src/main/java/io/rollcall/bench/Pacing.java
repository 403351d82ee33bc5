package io.rollcall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An open-loop schedule: {@code requests} requests at a fixed rate, request {@code i} due
 * {@code i / rate} seconds after the start, dealt round-robin to {@code clients} clients.
 * Each client sends its own requests one after another, each at its slot; a request whose
 * slot has passed (its client's previous request was still running) starts at once, late,
 * and the ones after it keep their own slots: a late client never sends two requests at
 * the same time nor skips one. So the offered rate does not depend on how fast the server
 * answers, and at most {@code clients} requests are in flight.
 *
 * @param rate requests per second, all clients together
 * @param clients concurrent clients
 * @param requests how many requests in all
 */
record Pacing(double rate, int clients, int requests) {

	Pacing {
		if (!(rate > 0) || clients <= 0 || requests <= 0) {
			throw new IllegalArgumentException(
					"a pacing needs a positive rate, clients and requests: " + rate + ", " + clients + ", " + requests);
		}
	}

	/** As many requests as {@code rate} fits in {@code time} (at least one). */
	static Pacing of(double rate, int clients, Duration time) {
		return new Pacing(rate, clients, (int) Math.max(1, Math.floor(rate * time.toNanos() / 1e9)));
	}

	/** When request {@code index} is due, after the start. */
	Duration slot(int index) {
		return Duration.ofNanos(Math.round(index * 1e9 / this.rate));
	}

	/** The client that sends request {@code index}. */
	int client(int index) {
		return index % this.clients;
	}

	/** The requests of {@code client}, in the order it sends them. */
	List<Integer> requestsOf(int client) {
		List<Integer> indices = new ArrayList<>();
		for (int index = client; index < this.requests; index += this.clients) {
			indices.add(index);
		}
		return indices;
	}

	/**
	 * Runs the schedule from now: one thread per client calls {@code sender} for each of
	 * its requests; returns when every request has been sent and answered.
	 * @throws IllegalStateException when {@code sender} throws (the other clients finish
	 * their schedules first)
	 */
	void run(Sender sender) {
		long start = System.nanoTime();
		try (ExecutorService executor = Executors.newFixedThreadPool(this.clients)) {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < this.clients; client++) {
				List<Integer> indices = requestsOf(client);
				running.add(executor.submit(() -> {
					for (int index : indices) {
						long due = start + slot(index).toNanos();
						long wait = due - System.nanoTime();
						if (wait > 0) {
							DirectElasticsearch.pause(Duration.ofNanos(wait));
						}
						sender.send(index, Duration.ofNanos(Math.max(0, System.nanoTime() - due)));
					}
				}));
			}
			running.forEach(client -> Parallel.await(client, "a paced client"));
		}
	}

	/** Sends one request of a schedule. */
	@FunctionalInterface
	interface Sender {

		/**
		 * Sends request {@code index}, which started {@code late} after its slot.
		 */
		void send(int index, Duration late);

	}

}
