package io.rollcall.api.changes;

import io.rollcall.platform.UnavailableException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's reader on this api instance: it reads the tenant's log from where it
 * stopped, whenever it is woken, and offers each entry, in log order, to every listener.
 * Reads never overlap (wake-ups during a read make one more read after it). A listener
 * joins at the reader's position under the same lock that dispatches entries, so from its
 * position on it is offered every entry exactly once.
 */
final class TenantFeed {

	private static final Logger log = LoggerFactory.getLogger(TenantFeed.class);

	private final String tenantId;

	private final ChangeLog changeLog;

	private final int batch;

	private final Executor readers;

	private final AtomicInteger wakeUps = new AtomicInteger();

	/** Guarded by this. */
	private final List<FeedListener> listeners = new ArrayList<>();

	/**
	 * The id of the last entry dispatched; guarded by this, null until the first join.
	 */
	private String position;

	/** Guarded by this: no listener left, the feed is being dropped. */
	private boolean closed;

	TenantFeed(String tenantId, ChangeLog changeLog, int batch, Executor readers) {
		this.tenantId = tenantId;
		this.changeLog = changeLog;
		this.batch = batch;
		this.readers = readers;
	}

	/**
	 * Adds {@code listener}; it is offered every entry after the reader's position.
	 * @return {@code false} when the feed was closed meanwhile (join a new one)
	 * @throws UnavailableException when the log cannot be read to find "now"
	 */
	synchronized boolean join(FeedListener listener) {
		if (closed) {
			return false;
		}
		if (position == null) {
			position = changeLog.newest(tenantId);
		}
		listener.joinedAt(position);
		listeners.add(listener);
		return true;
	}

	/**
	 * Removes {@code listener}; when none is left, closes the feed.
	 * @return whether the feed is closed
	 */
	synchronized boolean leave(FeedListener listener) {
		listeners.remove(listener);
		closed = listeners.isEmpty();
		return closed;
	}

	/** Reads the log soon (now, or after the read in progress). */
	void wake() {
		if (wakeUps.getAndIncrement() == 0) {
			readers.execute(this::drain);
		}
	}

	private void drain() {
		int missed = 1;
		do {
			readToEnd();
			missed = wakeUps.addAndGet(-missed);
		}
		while (missed != 0);
	}

	/** Reads and dispatches batches until one comes back short: the end of the log. */
	private void readToEnd() {
		while (true) {
			String from;
			synchronized (this) {
				if (closed || position == null) {
					return;
				}
				from = position;
			}
			ChangeLog.Page page;
			try {
				page = changeLog.read(tenantId, from, null, batch);
			}
			catch (UnavailableException ex) {
				// The next wake-up or poll tries again from the same position.
				log.warn("cannot read the change log of tenant {}: {}", tenantId, ex.getMessage());
				return;
			}
			if (page.expiredAfter(from)) {
				failAll(new CursorExpiredException(page.floor()), page.floor());
				return;
			}
			dispatch(page);
			if (page.entries().size() < batch) {
				return;
			}
		}
	}

	private synchronized void dispatch(ChangeLog.Page page) {
		for (LoggedEntry entry : page.entries()) {
			Iterator<FeedListener> each = listeners.iterator();
			while (each.hasNext()) {
				if (!each.next().offer(entry)) {
					each.remove();
				}
			}
			position = entry.id();
		}
		listeners.forEach(FeedListener::caughtUp);
	}

	/**
	 * Retention removed entries this reader had not read yet (it was stalled for longer
	 * than the log keeps): every listener is told, none is left with a silent gap.
	 */
	private synchronized void failAll(RuntimeException reason, String floor) {
		listeners.forEach(listener -> listener.fail(reason));
		listeners.clear();
		position = floor;
	}

}
