package io.rollcall.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks on a fixed number of concurrent clients, each taking the next task when done
 * with its last: the "N concurrent clients" of the ingest scenarios.
 */
final class Parallel {

	private Parallel() {
	}

	/** Runs {@code work} for every task; the first failure fails the whole run. */
	static <T> void run(int clients, List<T> tasks, Consumer<T> work) {
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService executor = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> running = java.util.stream.IntStream.range(0, clients)
				.<Future<?>>mapToObj((client) -> executor.submit(() -> {
					for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
						work.accept(tasks.get(i));
					}
				}))
				.toList();
			for (Future<?> client : running) {
				try {
					await(client, "a client");
				}
				catch (IllegalStateException ex) {
					next.set(tasks.size());
					throw ex;
				}
			}
		}
	}

	/**
	 * The task's result, once it has ended.
	 * @throws IllegalStateException with the task's failure as its cause, the message
	 * naming {@code what} failed
	 */
	static <T> T await(Future<T> task, String what) {
		try {
			return task.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(what + " failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
