package io.rollcall.api.changes;

import io.rollcall.schema.change.ChangeCursor;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live side of one {@code changes} subscription: the entries its filter accepts,
 * buffered until the subscriber takes them. The buffer is bounded by a count, not by a
 * preallocated array, so an idle subscriber costs next to nothing; past the bound the
 * subscriber is ended with {@code SLOW_CONSUMER} after what it already holds.
 */
final class FeedSubscriber implements FeedListener {

	private final ChangeFilter filter;

	private final int buffer;

	private final Sinks.Many<LoggedEntry> sink = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicInteger buffered = new AtomicInteger();

	/** Entries at or before it were sent by the replay already. */
	private final String caughtUp;

	private volatile String joinedAt;

	/** Only the reader touches these after {@link #joinedAt}. */
	private String floor;

	private String lastOffered;

	/**
	 * @param caughtUp the position up to which the subscriber has read the log already,
	 * {@code null} for one that starts from now on
	 */
	FeedSubscriber(ChangeFilter filter, int buffer, String caughtUp) {
		this.filter = filter;
		this.buffer = buffer;
		this.caughtUp = caughtUp;
	}

	@Override
	public void joinedAt(String position) {
		this.joinedAt = position;
		// A replay that ran ahead of the reader has sent entries the reader will offer
		// again: the floor drops them, so the seam has neither a gap nor a duplicate.
		this.floor = caughtUp != null && ChangeCursor.compare(caughtUp, position) > 0 ? caughtUp : position;
		this.lastOffered = this.floor;
	}

	@Override
	public boolean offer(LoggedEntry entry) {
		if (ChangeCursor.compare(entry.id(), floor) <= 0 || !filter.accepts(entry.fields())) {
			return true;
		}
		if (buffered.incrementAndGet() > buffer) {
			// Delivered after everything buffered: lastOffered is the last change sent.
			sink.tryEmitError(new SlowConsumerException(lastOffered, buffer));
			return false;
		}
		if (sink.tryEmitNext(entry).isFailure()) {
			return false; // cancelled: the subscription is gone
		}
		lastOffered = entry.id();
		return true;
	}

	@Override
	public void fail(RuntimeException reason) {
		sink.tryEmitError(reason);
	}

	/** The reader's position when this subscriber joined it. */
	String joinedAt() {
		return joinedAt;
	}

	/** The entries offered, once each, in log order. */
	Flux<LoggedEntry> entries() {
		return sink.asFlux().doOnNext(entry -> buffered.decrementAndGet());
	}

}
