package io.rollcall.indexer.bulk;

import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.index.IndexNames;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Refreshes the indices batches write (events, progress, contacts, programs) on behalf of
 * every consumer loop of this replica, sharing refreshes between them. A caller returns
 * once a refresh that <em>started after its call</em> has finished, so whatever it wrote
 * before calling is searchable, exactly as with its own refresh; callers that arrive
 * while one refresh runs, or while the next waits for its turn, share the next one. The
 * next one starts when the running one is done and {@code coalesce-interval} has passed
 * since the last start, or at once for a caller that a writer waits on. Removals refresh
 * on their own ({@link Refresher}).
 */
@Component
public class SharedRefresh {

	private final Refresher refresher;

	private final String[] indices;

	private final long intervalNanos;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	/** The refresh that starts next; every caller until it starts shares it. */
	private Round next;

	private boolean running;

	private long lastStart;

	private boolean started;

	public SharedRefresh(Refresher refresher, IndexNames names, RefreshProperties properties) {
		this.refresher = refresher;
		this.indices = new String[] { names.events(), names.progress(), names.contacts(), names.programs() };
		this.intervalNanos = properties.coalesceInterval().toNanos();
	}

	/**
	 * Returns once a refresh that started after this call has finished.
	 * @param promptly a writer waits: start the refresh without waiting for the interval
	 * @throws UnavailableException when that refresh kept failing (every caller sharing
	 * it gets the failure), or the thread was interrupted while waiting
	 */
	public void refresh(boolean promptly) {
		Round round;
		boolean lead = false;
		lock.lock();
		try {
			if (next == null) {
				next = new Round();
			}
			round = next;
			round.joined++;
			if (promptly) {
				round.prompt = true;
				changed.signalAll();
			}
			while (!round.started) {
				long wait = running ? Long.MAX_VALUE : untilDue(round);
				if (wait <= 0) {
					round.started = true;
					next = null;
					running = true;
					started = true;
					lastStart = System.nanoTime();
					lead = true;
					changed.signalAll();
				}
				else if (wait == Long.MAX_VALUE) {
					changed.await();
				}
				else {
					changed.awaitNanos(wait);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("interrupted while waiting for a refresh", Duration.ZERO, e);
		}
		finally {
			lock.unlock();
		}
		if (lead) {
			run(round);
		}
		try {
			round.done.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error cause) {
				throw cause;
			}
			throw e;
		}
	}

	/** Callers sharing the refresh that starts next (for tests). */
	int waiting() {
		lock.lock();
		try {
			return next == null ? 0 : next.joined;
		}
		finally {
			lock.unlock();
		}
	}

	private long untilDue(Round round) {
		if (round.prompt || !started) {
			return 0;
		}
		return lastStart + intervalNanos - System.nanoTime();
	}

	private void run(Round round) {
		try {
			refresher.refresh(indices);
			round.done.complete(null);
		}
		catch (RuntimeException | Error e) {
			// Every caller sharing the round gets the failure, the lead included.
			round.done.completeExceptionally(e);
		}
		finally {
			lock.lock();
			try {
				running = false;
				changed.signalAll();
			}
			finally {
				lock.unlock();
			}
		}
	}

	/** One refresh and the callers sharing it. */
	private static final class Round {

		final CompletableFuture<Void> done = new CompletableFuture<>();

		int joined;

		boolean prompt;

		boolean started;

	}

}
