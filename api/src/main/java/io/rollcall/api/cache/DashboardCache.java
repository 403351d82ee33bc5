package io.rollcall.api.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.admission.Admission;
import io.rollcall.api.admission.Generations;
import io.rollcall.api.security.Caller;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.schema.stream.GenerationFields;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Dashboard results kept in memory, keyed by the generations of what they were computed
 * from. The shard request cache does not help dashboards: every refresh empties it, and
 * while any tenant writes the shard refreshes several times a second. One generation per
 * tenant did not either once a tenant writes all the time (its morning rush): every batch
 * moved it. So the indexer keeps a generation per program and per tenant-wide view
 * ({@code GenerationFields}), and an answer depends on:
 * <ul>
 * <li>its program's generation ({@link Dependency#program}), which moves when an event of
 * the program lands (its events and its reps' rollups change) or its catalog entry is
 * written; or, for an answer over every program, the {@code events} generation
 * ({@link Dependency#everyProgram}), which moves when any event lands;</li>
 * <li>and always the {@code contacts} generation, which moves when a contact is written
 * (team scopes, joined rows) or removed (its events and rollups in every program
 * go).</li>
 * </ul>
 * That is every write there is (events, catalog entries, contacts, removals), and each
 * moves every generation of what it changes: writes to program A do not evict program B's
 * answers.
 *
 * <p>
 * The key is the tenant, what the caller may see (role and teams: a manager's results are
 * its teams' only), the query with its arguments, and those two generations, read from
 * Redis once per request <em>before</em> the query runs: by the script that reserves the
 * request's rate limit ({@link Admission}), in the same round trip.
 *
 * <h2>Why a write that returned is never hidden</h2> The indexer bumps the generations of
 * everything a run changed after the run's last refresh (events, rollups, contacts,
 * catalog all searchable) and before it publishes the applied notices that let the run's
 * writes (or a {@code removeContact}) return to their clients. Generations only grow.
 * Take an answer stored under generation {@code g} of a field {@code f} it depends on:
 * <ul>
 * <li>it was computed by searches that started after a read returned {@code g}, hence
 * after the bump to {@code g}: it includes every run whose bump of {@code f} is at most
 * {@code g};</li>
 * <li>a client whose write returned, and that changed what the answer is about, has had
 * {@code f} bumped (by the rules above) before it was told; so its next request reads a
 * generation of {@code f} at least that bump, and can only hit answers that include its
 * write.</li>
 * </ul>
 * A write that changes none of an answer's fields does not change the answer either. A
 * result may be fresher than its key (a write landing while it is computed): harmless.
 * When Redis did not answer the admission (the limiter on its local fallback), there are
 * no generations and the cache is bypassed (no read, no store).
 *
 * <h2>Single flight</h2> Concurrent misses with the same key (dozens of managers opening
 * the same dashboard at once) share one computation on this instance: the first computes,
 * the others wait for its answer. That is as safe as a hit, by the argument above: the
 * answer was computed after a read of the same generations. If the computation fails,
 * each waiter computes on its own (the failure may be its caller's, such as a deadline).
 * Counted in {@code rollcall.cache.requests} by {@code result}: {@code hit}, {@code miss}
 * (computed), {@code shared} (waited for another's computation) and {@code bypass}, and
 * by bounded tenant.
 */
@Component
@EnableConfigurationProperties(CacheProperties.class)
public class DashboardCache {

	private final CacheProperties properties;

	private final Map<Key, Object> entries;

	private final Map<Key, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();

	/** Set while {@link #fresh} runs on a thread. */
	private final ThreadLocal<Boolean> bypassed = new ThreadLocal<>();

	private final MeterRegistry meters;

	private final TenantTags tenants;

	DashboardCache(CacheProperties properties, MeterRegistry meters, TenantTags tenants) {
		this.properties = properties;
		this.meters = meters;
		this.tenants = tenants;
		int max = properties.maxEntries();
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
				return size() > max;
			}

		};
	}

	/**
	 * {@code query}'s result for {@code caller} with {@code arguments}: cached when
	 * neither the generation of {@code dependency} nor the tenant's contacts generation
	 * has moved since it was computed, else from {@code compute} (or from a concurrent
	 * computation of the same). Waits for the request's admission first (see
	 * {@link Admission#await()}). Arguments must have value equality (records, strings,
	 * enums); {@code null}s are allowed.
	 */
	public <T> T get(Caller caller, String query, Dependency dependency, List<?> arguments, Supplier<T> compute) {
		Optional<Generations> generations = Admission.await();
		if (!properties.enabled() || generations.isEmpty() || Boolean.TRUE.equals(bypassed.get())) {
			count(caller, "bypass");
			return compute.get();
		}
		Key key = new Key(caller.tenantId(), caller.role(), List.copyOf(new TreeSet<>(caller.teamIds())), query,
				arguments, generations.get().of(dependency.field()), generations.get().of(GenerationFields.CONTACTS));
		Object cached = cached(key);
		if (cached != null) {
			count(caller, "hit");
			return cast(cached);
		}
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> running = computing.putIfAbsent(key, mine);
		if (running != null) {
			count(caller, "shared");
			try {
				return cast(running.join());
			}
			catch (CompletionException e) {
				count(caller, "miss");
				return store(key, compute.get());
			}
		}
		try {
			// A computation may have finished between the lookup and putIfAbsent.
			cached = cached(key);
			T result;
			if (cached != null) {
				count(caller, "hit");
				result = cast(cached);
			}
			else {
				count(caller, "miss");
				result = store(key, compute.get());
			}
			mine.complete(result);
			return result;
		}
		catch (RuntimeException | Error e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			computing.remove(key, mine);
		}
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

	private Object cached(Key key) {
		synchronized (entries) {
			return entries.get(key);
		}
	}

	private <T> T store(Key key, T result) {
		if (result != null) {
			synchronized (entries) {
				entries.put(key, result);
			}
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object result) {
		return (T) result;
	}

	private void count(Caller caller, String result) {
		Counter.builder("rollcall.cache.requests")
			.description("Dashboard reads by how the result cache answered them")
			.tag("result", result)
			.tag(TenantTags.TAG, tenants.of(caller.tenantId()))
			.register(meters)
			.increment();
	}

	private record Key(String tenantId, String role, List<String> teamIds, String query, List<?> arguments,
			long dataGeneration, long contactsGeneration) {
	}

}
