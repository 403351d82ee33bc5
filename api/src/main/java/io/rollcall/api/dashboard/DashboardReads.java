package io.rollcall.api.dashboard;

import io.rollcall.api.admission.Admission;
import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.SearchScopes;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How dashboard services read for the caller of the current request: within the caller's
 * {@link SearchScope} (the tenant from the token, and a manager's or the requested team's
 * reps), through the {@link DashboardCache} keyed by the generations of what an answer
 * depends on, and only once the request is admitted ({@link Admission}): every dashboard
 * read starts here, so a refused request sends no search.
 */
@Component
public class DashboardReads {

	private final Callers callers;

	private final SearchScopes scopes;

	private final DashboardCache cache;

	DashboardReads(Callers callers, SearchScopes scopes, DashboardCache cache) {
		this.callers = callers;
		this.scopes = scopes;
		this.cache = cache;
	}

	/**
	 * The answer to {@code query} for the current caller: cached, else computed within
	 * the scope of the caller and {@code teamId}. The scope is resolved on a miss only (a
	 * team's members cost a search).
	 * @param dependency what the answer is computed from (one program, or every program),
	 * whose writes make it stale
	 * @param teamId the requested team, or {@code null}
	 * @param arguments the query's checked arguments, part of the cache key (see
	 * {@link DashboardCache#get})
	 */
	public <T> T cached(String query, Dependency dependency, String teamId, List<?> arguments,
			Function<SearchScope, T> compute) {
		Caller caller = callers.current();
		return cache.get(caller, query, dependency, arguments, () -> compute.apply(scopes.resolve(caller, teamId)));
	}

	/**
	 * The current caller's scope (its whole tenant, or a manager's teams), uncached, once
	 * the request is admitted.
	 */
	public SearchScope scope() {
		Admission.await();
		return scopes.resolve(callers.current(), null);
	}

}
