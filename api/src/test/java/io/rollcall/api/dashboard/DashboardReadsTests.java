package io.rollcall.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.SearchScopes;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardReadsTests {

	private static final Caller MANAGER = new Caller("tenant-a", "manager-1", "manager", List.of("team-1"));

	private static final SearchScope TEAM = CannedSearch.contacts("tenant-a", "rep-1");

	private final Callers callers = mock(Callers.class);

	private final SearchScopes scopes = mock(SearchScopes.class);

	private final DashboardCache cache = mock(DashboardCache.class);

	private final DashboardReads reads = new DashboardReads(callers, scopes, cache);

	@BeforeEach
	void callerIsAManager() {
		given(callers.current()).willReturn(MANAGER);
		given(scopes.resolve(MANAGER, "team-1")).willReturn(TEAM);
	}

	@Test
	void aMissComputesWithinTheCallersScopeOfTheTeam() {
		given(cache.get(eq(MANAGER), eq("quizStats"), eq(Dependency.program("prog-0")), eq(List.of("prog-0", "team-1")),
				any()))
			.willAnswer(call -> call.<Supplier<?>>getArgument(4).get());

		String answer = reads.cached("quizStats", Dependency.program("prog-0"), "team-1", List.of("prog-0", "team-1"),
				scope -> scope == TEAM ? "computed within the team" : "wrong scope");

		assertThat(answer).isEqualTo("computed within the team");
	}

	@Test
	void aHitNeitherResolvesTheScopeNorComputes() {
		given(cache.get(eq(MANAGER), eq("quizStats"), eq(Dependency.program("prog-0")), eq(List.of("prog-0")), any()))
			.willReturn("cached");

		String answer = reads.cached("quizStats", Dependency.program("prog-0"), "team-1", List.of("prog-0"),
				scope -> "computed");

		assertThat(answer).isEqualTo("cached");
		verifyNoInteractions(scopes);
	}

	@Test
	void anUncachedReadIsWithinTheCallersWholeScope() {
		given(scopes.resolve(MANAGER, null)).willReturn(TEAM);

		assertThat(reads.scope()).isSameAs(TEAM);
		verifyNoInteractions(cache);
	}

}
