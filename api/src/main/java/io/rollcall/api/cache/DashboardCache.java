package io.rollcall.api.cache;

import io.rollcall.api.ingest.TenantGenerations;
import io.rollcall.api.security.Caller;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Dashboard results kept in memory per tenant write generation. The shard request cache
 * does not help dashboards: every refresh empties it, and while any tenant writes the
 * shard refreshes about every second. A result keyed by the tenant's own generation stays
 * valid until that tenant's next applied write, whoever else writes.
 *
 * <p>
 * The key is the tenant, what the caller may see (role and teams: a manager's results are
 * its teams' only), the query with its arguments, and the tenant's generation, read from
 * Redis once per request <em>before</em> the query runs.
 *
 * <h2>Why a write that returned is never hidden</h2> The indexer bumps the generation
 * ({@code INCR}) after the last refresh of a batch (events, rollups, contacts all
 * searchable) and before it publishes the applied notice that lets the write (or a
 * {@code removeContact}) return to its client. So:
 * <ul>
 * <li>a result stored under generation {@code g} was computed by searches that started
 * after {@code g} was read, hence after the bump to {@code g}: it includes every batch
 * whose final bump is at most {@code g};</li>
 * <li>a client whose write returned reads a generation at least that write's final bump,
 * so it can only hit results that include the write.</li>
 * </ul>
 * An earlier bump of the same batch (the one that versions the progress rollups, taken
 * before their refresh) may key a result computed from the old rollups; no client whose
 * write returned ever reads that generation again, since the final bump is higher. A
 * result may be fresher than its key (a write landing while it is computed): harmless.
 * When Redis does not answer, the cache is bypassed (no read, no store).
 */
@Component
@EnableConfigurationProperties(CacheProperties.class)
public class DashboardCache {

	private final TenantGenerations generations;

	private final CacheProperties properties;

	private final Map<Key, Object> entries;

	/** Set while {@link #fresh} runs on a thread. */
	private final ThreadLocal<Boolean> bypassed = new ThreadLocal<>();

	DashboardCache(TenantGenerations generations, CacheProperties properties) {
		this.generations = generations;
		this.properties = properties;
		int max = properties.maxEntries();
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
				return size() > max;
			}

		};
	}

	/**
	 * {@code query}'s result for {@code caller} with {@code arguments}: cached when the
	 * tenant's generation has not moved since it was computed, else from {@code compute}.
	 * Arguments must have value equality (records, strings, enums); {@code null}s are
	 * allowed.
	 */
	public <T> T get(Caller caller, String query, List<?> arguments, Supplier<T> compute) {
		if (!properties.enabled() || Boolean.TRUE.equals(bypassed.get())) {
			return compute.get();
		}
		OptionalLong generation = generations.current(caller.tenantId());
		if (generation.isEmpty()) {
			return compute.get();
		}
		Key key = new Key(caller.tenantId(), caller.role(), List.copyOf(new TreeSet<>(caller.teamIds())), query,
				arguments, generation.getAsLong());
		Object cached;
		synchronized (entries) {
			cached = entries.get(key);
		}
		if (cached != null) {
			@SuppressWarnings("unchecked")
			T result = (T) cached;
			return result;
		}
		T result = compute.get();
		if (result != null) {
			synchronized (entries) {
				entries.put(key, result);
			}
		}
		return result;
	}

	/**
	 * Runs {@code reads} with every dashboard of this thread computed afresh, neither
	 * read from the cache nor stored. For live tiles: they are woken by the change log,
	 * which the indexer appends before its final generation bump, so an answer cached
	 * under the generation they would read may predate the change that woke them.
	 */
	public <T> T fresh(Supplier<T> reads) {
		bypassed.set(Boolean.TRUE);
		try {
			return reads.get();
		}
		finally {
			bypassed.remove();
		}
	}

	/** Arguments as a list with value equality that accepts {@code null}s. */
	public static List<Object> arguments(Object... values) {
		return Arrays.asList(values);
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

	private record Key(String tenantId, String role, List<String> teamIds, String query, List<?> arguments,
			long generation) {
	}

}
