package io.rollcall.api.changes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.search.SearchScope;
import io.rollcall.schema.change.ChangeCursor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The tenants' readers of this api instance ({@link TenantFeed}, one per tenant with at
 * least one listener, dropped with its last) and the streams built on them: a
 * subscription replays the log from its cursor in pages, then joins its tenant's reader
 * at the exact position it reached, so the seam has neither a gap nor a duplicate.
 * Readers are woken by the indexer's change notices and polled every
 * {@code rollcall.changes.poll-interval}.
 */
@Component
public class ChangeFeeds implements DisposableBean {

	/**
	 * Entries a subscriber's worker takes from its buffer at a time: small, so that the
	 * buffer's bound is what waits for the subscriber.
	 */
	private static final int HAND_OFF = 32;

	private final ChangeLog changeLog;

	private final ChangeNotices notices;

	private final ChangesProperties properties;

	/** Subscribers ended with {@code SLOW_CONSUMER}: a client, or a network, too slow. */
	private final Counter slowConsumers;

	private final Map<String, TenantFeed> feeds = new ConcurrentHashMap<>();

	/** Reads are short blocking Redis calls: a virtual thread each. */
	private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService poll = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("change-feed-poll").factory());

	ChangeFeeds(ChangeLog changeLog, ChangeNotices notices, ChangesProperties properties, MeterRegistry meters) {
		this.changeLog = changeLog;
		this.notices = notices;
		notices.notices().subscribe(notice -> wake(notice.tenantId()));
		this.properties = properties;
		this.slowConsumers = Counter.builder("rollcall.changes.slow.consumers")
			.description("Change subscriptions ended for falling further behind than their buffer")
			.register(meters);
		long interval = properties.pollInterval().toMillis();
		poll.scheduleWithFixedDelay(this::wakeAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Calls {@code onChange} after changes of {@code programId} (and removals: they
	 * concern all programs) within {@code scope}, from now on, until disposed: once per
	 * read of the log that held any, so a burst written at once is one call. Each call
	 * comes after the changes are visible to searches.
	 */
	public Disposable watchProgram(SearchScope scope, String programId, Runnable onChange) {
		ChangeFilter filter = new ChangeFilter(null, programId, null, scope);
		FeedListener watch = new FeedListener() {

			private boolean changed;

			@Override
			public void joinedAt(String position) {
			}

			@Override
			public boolean offer(LoggedEntry entry) {
				changed |= filter.accepts(entry.fields());
				return true;
			}

			@Override
			public void caughtUp() {
				if (changed) {
					changed = false;
					onChange.run();
				}
			}

			@Override
			public void fail(RuntimeException reason) {
				onChange.run();
			}

		};
		join(scope.tenantId(), watch);
		return () -> leave(scope.tenantId(), watch);
	}

	/**
	 * The entries {@code filter} accepts after {@code after} (a stream id; {@code null}:
	 * from now on), in log order, then live, without end.
	 * @param started told the position the stream starts after, once it is known
	 */
	Flux<LoggedEntry> stream(String tenantId, ChangeFilter filter, String after, Consumer<String> started) {
		if (after == null) {
			return Flux.defer(() -> live(tenantId, filter, null, position -> {
				started.accept(position);
				return Flux.empty();
			}));
		}
		started.accept(after);
		Scan history = new Scan(after);
		return replay(tenantId, filter, history, null)
			.concatWith(Flux.defer(() -> live(tenantId, filter, history.position(), joinedAt -> {
				// Entries between where the replay stopped and where the reader is.
				Scan gap = new Scan(history.position());
				return ChangeCursor.compare(gap.position(), joinedAt) < 0 ? replay(tenantId, filter, gap, joinedAt)
						: Flux.empty();
			})));
	}

	/**
	 * Joins the tenant's reader, then sends what {@code beforeLive} returns for the
	 * position it joined at, then what the reader offers.
	 */
	private Flux<LoggedEntry> live(String tenantId, ChangeFilter filter, String caughtUp,
			Function<String, Flux<LoggedEntry>> beforeLive) {
		FeedSubscriber subscriber = new FeedSubscriber(filter, properties.subscriberBuffer(), caughtUp);
		join(tenantId, subscriber);
		// The reader only filters and enqueues; each subscriber's GraphQL execution and
		// sending run on a worker, so one slow or busy subscriber never holds the reader.
		return beforeLive.apply(subscriber.joinedAt())
			.concatWith(subscriber.entries().publishOn(Schedulers.parallel(), HAND_OFF))
			.doOnError(SlowConsumerException.class, slow -> slowConsumers.increment())
			.doFinally(signal -> leave(tenantId, subscriber));
	}

	/**
	 * Pages of the log after {@code scan}'s position up to {@code upTo} ({@code null}: to
	 * its end), read on demand, advancing {@code scan} over every entry read, wanted or
	 * not.
	 */
	private Flux<LoggedEntry> replay(String tenantId, ChangeFilter filter, Scan scan, String upTo) {
		int batch = properties.readBatch();
		return Flux.<List<LoggedEntry>>generate(sink -> {
			String from = scan.position();
			ChangeLog.Page page = changeLog.read(tenantId, from, upTo, batch);
			if (page.expiredAfter(from)) {
				sink.error(new CursorExpiredException(page.floor()));
				return;
			}
			scan.advanceTo(page.lastIdOr(from));
			sink.next(page.entries().stream().filter(entry -> filter.accepts(entry.fields())).toList());
			if (page.entries().size() < batch) {
				sink.complete();
			}
		}).concatMapIterable(entries -> entries, 1).subscribeOn(Schedulers.boundedElastic());
	}

	private void join(String tenantId, FeedListener listener) {
		notices.listen();
		while (!feeds.computeIfAbsent(tenantId, this::newFeed).join(listener)) {
			// Closed by its last listener between the lookup and the join: take a new
			// one.
			Thread.onSpinWait();
		}
		// The reader may be behind the stream's end (or not started): read now.
		wake(tenantId);
	}

	private void leave(String tenantId, FeedListener listener) {
		TenantFeed feed = feeds.get(tenantId);
		if (feed != null && feed.leave(listener)) {
			feeds.remove(tenantId, feed);
		}
	}

	private TenantFeed newFeed(String tenantId) {
		return new TenantFeed(tenantId, changeLog, properties.readBatch(), readers);
	}

	/** Wakes the tenant's reader, if this instance has one. */
	void wake(String tenantId) {
		TenantFeed feed = feeds.get(tenantId);
		if (feed != null) {
			feed.wake();
		}
	}

	private void wakeAll() {
		feeds.values().forEach(TenantFeed::wake);
	}

	@Override
	public void destroy() {
		poll.shutdownNow();
		readers.shutdownNow();
	}

	/** How far a replay has read the log (wanted entries or not). */
	private static final class Scan {

		private volatile String position;

		Scan(String position) {
			this.position = position;
		}

		String position() {
			return position;
		}

		void advanceTo(String id) {
			position = id;
		}

	}

}
