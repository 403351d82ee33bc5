package io.rollcall.api.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.changes.ChangeFeeds;
import io.rollcall.api.search.SearchScopes;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.subscription.ShuttingDownException;
import io.rollcall.api.subscription.SubscriptionShutdown;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Live dashboard tiles: a dashboard query's answer on subscribe, then again whenever it
 * changes. All subscribers of one tile (the same tenant, caller scope, query and
 * arguments) on this instance share one evaluation, started by the changes of its program
 * in the tenant's change log, at most one per {@code rollcall.tiles.min-interval}; an
 * answer equal to the last one is not sent. Evaluations run the dashboard's own service
 * as the tile's first subscriber (whose scope every subscriber of the tile shares), so
 * caching, scoping and authorization are exactly the query's. Each is counted in
 * {@code rollcall.tiles.evaluations} (tag {@code tile}: the query).
 */
@Component
public class LiveTiles {

	/** The counter of evaluations. */
	public static final String EVALUATIONS = "rollcall.tiles.evaluations";

	private final Callers callers;

	private final SearchScopes scopes;

	private final ChangeFeeds feeds;

	private final SubscriptionShutdown shutdown;

	private final MeterRegistry meters;

	private final DashboardCache cache;

	private final long minIntervalMillis;

	/** Runs evaluations (they block on searches) and tells the time. */
	private final Scheduler scheduler = Schedulers.boundedElastic();

	/** Guarded by itself. */
	private final Map<TileKey, Tile<?>> tiles = new HashMap<>();

	LiveTiles(Callers callers, SearchScopes scopes, ChangeFeeds feeds, SubscriptionShutdown shutdown,
			MeterRegistry meters, DashboardCache cache, LiveTilesProperties properties) {
		this.callers = callers;
		this.scopes = scopes;
		this.feeds = feeds;
		this.shutdown = shutdown;
		this.meters = meters;
		this.cache = cache;
		this.minIntervalMillis = properties.minInterval().toMillis();
	}

	/**
	 * The live answer of {@code query} for the current caller. Call it where the query's
	 * service would run (the caller's security context is captured for the evaluations).
	 * @param programId the program whose changes make the answer change
	 * @param arguments the query's checked arguments (with value equality)
	 * @param numbers what a subscriber sees of an answer: a new answer is sent only when
	 * this differs from the last one's
	 * @param evaluate computes the answer through the query's service
	 */
	public <T> Flux<T> watch(String query, String programId, List<?> arguments, Function<T, ?> numbers,
			Supplier<T> evaluate) {
		Caller caller = callers.current();
		SecurityContext runAs = new SecurityContextImpl(SecurityContextHolder.getContext().getAuthentication());
		TileKey key = new TileKey(caller.tenantId(), caller.role(), List.copyOf(new TreeSet<>(caller.teamIds())), query,
				List.copyOf(arguments));
		Flux<T> values = Flux.defer(() -> {
			Tile<T> tile = join(key, () -> new Tile<>(() -> cache.fresh(evaluate), numbers, runAs, scheduler,
					minIntervalMillis, Counter.builder(EVALUATIONS).tag("tile", query).register(meters)));
			// The first subscriber starts the tile: watch first, then evaluate, so that
			// no
			// change falls between the answer and the watch.
			tile.startOnce(() -> feeds.watchProgram(scopes.resolve(caller, null), programId, tile::changed));
			return tile.values().doFinally(signal -> leave(key, tile));
		});
		return shutdown.endOnShutdown(values, ShuttingDownException::new);
	}

	private <T> Tile<T> join(TileKey key, Supplier<Tile<T>> newTile) {
		synchronized (tiles) {
			@SuppressWarnings("unchecked") // a key's query always makes the same type
			Tile<T> tile = (Tile<T>) tiles.computeIfAbsent(key, k -> newTile.get());
			tile.joined();
			return tile;
		}
	}

	private void leave(TileKey key, Tile<?> tile) {
		synchronized (tiles) {
			if (tile.left()) {
				tiles.remove(key, tile);
			}
		}
	}

	/** What makes two subscriptions share a tile. */
	private record TileKey(String tenantId, String role, List<String> teamIds, String query, List<?> arguments) {
	}

}
