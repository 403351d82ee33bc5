package io.rollcall.api.isolation;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A per-tenant bulkhead around Elasticsearch searches: at most
 * {@code rollcall.isolation.max-concurrent-searches} (default 4) of one tenant run at
 * once on this instance; the others wait in arrival order (a fair semaphore) for at most
 * {@code queue-timeout} (default 2 s), then get {@code OVERLOADED} with a retry hint. A
 * tenant flooding the api thus queues behind its own searches while other tenants' go
 * straight through. One semaphore per tenant that searched since start-up (tenants are
 * few; the map is not evicted).
 */
public final class SearchBulkhead {

	private final IsolationProperties properties;

	private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();

	SearchBulkhead(IsolationProperties properties) {
		this.properties = properties;
	}

	/** A search to run inside the bulkhead. */
	@FunctionalInterface
	public interface Search<T> {

		T run() throws IOException;

	}

	/**
	 * Runs {@code search} once one of {@code tenantId}'s slots is free.
	 * @throws io.rollcall.api.error.RollcallException {@code OVERLOADED} when no slot
	 * frees up within the queue timeout
	 */
	public <T> T call(String tenantId, Search<T> search) throws IOException {
		Semaphore slots = tenants.computeIfAbsent(tenantId,
				tenant -> new Semaphore(properties.maxConcurrentSearches(), true));
		boolean acquired;
		try {
			acquired = slots.tryAcquire(properties.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OverloadedException(properties.retryAfter());
		}
		if (!acquired) {
			throw new OverloadedException(properties.retryAfter());
		}
		try {
			return search.run();
		}
		finally {
			slots.release();
		}
	}

	/** Elasticsearch's {@code timeout} for each search, e.g. {@code 5000ms}. */
	public String searchTimeout() {
		return properties.searchTimeout().toMillis() + "ms";
	}

	/** Searches of {@code tenantId} running now (for tests and metrics). */
	int running(String tenantId) {
		Semaphore slots = tenants.get(tenantId);
		return slots == null ? 0 : properties.maxConcurrentSearches() - slots.availablePermits();
	}

}
