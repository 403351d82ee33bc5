package io.rollcall.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.rollcall.api.ingest.TenantGenerations;
import io.rollcall.api.security.Caller;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DashboardCacheTests {

	private static final Caller ADMIN = new Caller("demo", "demo-admin", null, List.of());

	private final TenantGenerations generations = mock(TenantGenerations.class);

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void freshReadsNeitherReadNorStore() {
		given(generations.current("demo")).willReturn(OptionalLong.of(3));
		DashboardCache cache = cache(true, 10);
		assertThat(get(cache, ADMIN, "prog-0")).isEqualTo(1);

		assertThat(cache.fresh(() -> get(cache, ADMIN, "prog-0"))).isEqualTo(2);
		assertThat(get(cache, ADMIN, "prog-0")).as("the cached answer, as before").isEqualTo(1);
		assertThat(computed).hasValue(2);
	}

	@Test
	void sameGenerationIsAHit() {
		given(generations.current("demo")).willReturn(OptionalLong.of(3));
		DashboardCache cache = cache(true, 10);
		assertThat(get(cache, ADMIN, "prog-0")).isEqualTo(1);
		assertThat(get(cache, ADMIN, "prog-0")).isEqualTo(1);
		assertThat(computed).hasValue(1);
	}

	@Test
	void aNewGenerationComputesAgain() {
		given(generations.current("demo")).willReturn(OptionalLong.of(3), OptionalLong.of(4));
		DashboardCache cache = cache(true, 10);
		assertThat(get(cache, ADMIN, "prog-0")).isEqualTo(1);
		assertThat(get(cache, ADMIN, "prog-0")).isEqualTo(2);
	}

	@Test
	void argumentsTenantsAndScopesAreKeptApart() {
		given(generations.current("demo")).willReturn(OptionalLong.of(1));
		given(generations.current("other")).willReturn(OptionalLong.of(1));
		DashboardCache cache = cache(true, 10);
		get(cache, ADMIN, "prog-0");
		get(cache, ADMIN, "prog-1");
		get(cache, new Caller("other", "other-admin", null, List.of()), "prog-0");
		get(cache, new Caller("demo", "demo-manager", "manager", List.of("team-1")), "prog-0");
		get(cache, new Caller("demo", "demo-manager", "manager", List.of("team-2")), "prog-0");
		assertThat(computed).hasValue(5);
		// Another client with the same tenant, role and teams sees the same data.
		get(cache, new Caller("demo", "another-manager", "manager", List.of("team-2")), "prog-0");
		assertThat(computed).hasValue(5);
	}

	@Test
	void withoutAGenerationTheCacheIsBypassed() {
		given(generations.current("demo")).willReturn(OptionalLong.empty());
		DashboardCache cache = cache(true, 10);
		get(cache, ADMIN, "prog-0");
		get(cache, ADMIN, "prog-0");
		assertThat(computed).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void disabledComputesEveryTime() {
		given(generations.current("demo")).willReturn(OptionalLong.of(1));
		DashboardCache cache = cache(false, 10);
		get(cache, ADMIN, "prog-0");
		get(cache, ADMIN, "prog-0");
		assertThat(computed).hasValue(2);
	}

	@Test
	void theLeastRecentlyUsedResultIsEvicted() {
		given(generations.current("demo")).willReturn(OptionalLong.of(1));
		DashboardCache cache = cache(true, 2);
		get(cache, ADMIN, "a");
		get(cache, ADMIN, "b");
		get(cache, ADMIN, "a");
		get(cache, ADMIN, "c");
		assertThat(cache.size()).isEqualTo(2);
		assertThat(computed).hasValue(3);
		get(cache, ADMIN, "a");
		assertThat(computed).hasValue(3);
		get(cache, ADMIN, "b");
		assertThat(computed).hasValue(4);
	}

	private DashboardCache cache(boolean enabled, int maxEntries) {
		return new DashboardCache(generations, new CacheProperties(enabled, maxEntries));
	}

	private int get(DashboardCache cache, Caller caller, String programId) {
		return cache.get(caller, "programSummary", DashboardCache.arguments(programId, null),
				computed::incrementAndGet);
	}

}
