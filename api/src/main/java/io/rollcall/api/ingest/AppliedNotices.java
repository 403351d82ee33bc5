package io.rollcall.api.ingest;

import io.rollcall.schema.stream.AppliedNotice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waits for the indexer's {@link AppliedNotice}s. One shared subscription to the applied
 * channel serves every waiting request through a map of ticket to future: a connection
 * per request would not scale to many concurrent writers. A request registers its tickets
 * before it appends its entries, so a fast indexer cannot confirm a ticket nobody is
 * waiting for yet.
 */
@Component
class AppliedNotices {

	private static final Logger log = LoggerFactory.getLogger(AppliedNotices.class);

	private final ConcurrentMap<String, CompletableFuture<AppliedNotice>> waiting = new ConcurrentHashMap<>();

	private final IngestRedis redis;

	private final JsonMapper json;

	AppliedNotices(IngestRedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * Starts waiting for {@code tickets}; call before appending the entries that carry
	 * them.
	 */
	Pending expect(List<String> tickets) {
		redis.subscribeApplied(this::onMessage);
		List<CompletableFuture<AppliedNotice>> futures = new ArrayList<>(tickets.size());
		for (String ticket : tickets) {
			CompletableFuture<AppliedNotice> future = new CompletableFuture<>();
			waiting.put(ticket, future);
			futures.add(future);
		}
		return new Pending(tickets, futures);
	}

	/** How many tickets are being waited for (for tests and diagnostics). */
	int waitingCount() {
		return waiting.size();
	}

	void onMessage(String message) {
		AppliedNotice notice;
		try {
			notice = json.readValue(message, AppliedNotice.class);
		}
		catch (JacksonException e) {
			log.warn("ignoring an unreadable applied notice: {}", e.getOriginalMessage());
			return;
		}
		CompletableFuture<AppliedNotice> future = notice.ticket() == null ? null : waiting.remove(notice.ticket());
		if (future != null) {
			future.complete(notice);
		}
		// Otherwise the ticket belongs to another api replica, or its request gave up
		// already.
	}

	/** The notices one request waits for. */
	final class Pending {

		private final List<String> tickets;

		private final List<CompletableFuture<AppliedNotice>> futures;

		private Pending(List<String> tickets, List<CompletableFuture<AppliedNotice>> futures) {
			this.tickets = tickets;
			this.futures = futures;
		}

		/**
		 * Waits until every ticket is confirmed, at most {@code timeout} in total.
		 * @throws TimeoutException when some ticket was not confirmed in time (the waits
		 * are cancelled)
		 */
		List<AppliedNotice> await(Duration timeout) throws TimeoutException {
			try {
				CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
					.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException e) {
				cancel();
				throw e;
			}
			catch (InterruptedException e) {
				cancel();
				Thread.currentThread().interrupt();
				throw new TimeoutException("interrupted while waiting for visibility");
			}
			catch (ExecutionException e) {
				throw new IllegalStateException("applied-notice futures are only completed normally", e);
			}
			return futures.stream().map(CompletableFuture::join).toList();
		}

		/** Stops waiting, e.g. when appending failed. */
		void cancel() {
			tickets.forEach(waiting::remove);
		}

	}

}
