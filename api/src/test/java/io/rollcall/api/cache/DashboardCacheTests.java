package io.rollcall.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.api.admission.Admission;
import io.rollcall.api.admission.AdmissionAccessor;
import io.rollcall.api.admission.Generations;
import io.rollcall.api.security.Caller;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.observability.TenantTags;
import io.rollcall.schema.stream.GenerationFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache against the generations a request's admission read: what moves a key, what
 * does not, single flight, and a refused request computing nothing.
 */
class DashboardCacheTests {

	private static final Caller ADMIN = new Caller("demo", "demo-admin", null, List.of());

	private static final String A = GenerationFields.program("prog-a");

	private static final String B = GenerationFields.program("prog-b");

	private final AdmissionAccessor accessor = new AdmissionAccessor();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicInteger computed = new AtomicInteger();

	private final Map<String, Long> generations = new HashMap<>(Map.of(A, 1L, B, 1L, GenerationFields.EVENTS, 1L));

	@AfterEach
	void leaveTheRequest() {
		accessor.setValue();
	}

	@Test
	void freshReadsNeitherReadNorStore() {
		DashboardCache cache = cache(true, 10);
		assertThat(summary(cache, ADMIN, A)).isEqualTo(1);

		assertThat(cache.fresh(() -> summary(cache, ADMIN, A))).isEqualTo(2);
		assertThat(summary(cache, ADMIN, A)).as("the cached answer, as before").isEqualTo(1);
		assertThat(computed).hasValue(2);
	}

	@Test
	void sameGenerationsAreAHit() {
		DashboardCache cache = cache(true, 10);
		assertThat(summary(cache, ADMIN, "prog-a")).isEqualTo(1);
		assertThat(summary(cache, ADMIN, "prog-a")).isEqualTo(1);
		assertThat(computed).hasValue(1);
		assertThat(requests("hit")).isEqualTo(1);
		assertThat(requests("miss")).isEqualTo(1);
	}

	@Test
	void writesToProgramADoNotEvictProgramBsAnswers() {
		DashboardCache cache = cache(true, 10);
		summary(cache, ADMIN, "prog-a");
		summary(cache, ADMIN, "prog-b");
		generations.put(A, 2L);
		generations.put(GenerationFields.EVENTS, 2L);

		assertThat(summary(cache, ADMIN, "prog-a")).as("A computed again").isEqualTo(3);
		assertThat(summary(cache, ADMIN, "prog-b")).as("B still cached").isEqualTo(2);
		assertThat(requests("miss")).isEqualTo(3);
		assertThat(requests("hit")).isEqualTo(1);
	}

	@Test
	void anAnswerOverEveryProgramMovesWithAnyEvent() {
		DashboardCache cache = cache(true, 10);
		activity(cache);
		activity(cache);
		assertThat(computed).hasValue(1);
		generations.put(B, 2L);
		generations.put(GenerationFields.EVENTS, 2L);

		activity(cache);

		assertThat(computed).hasValue(2);
	}

	@Test
	void contactsMoveEveryAnswer() {
		DashboardCache cache = cache(true, 10);
		summary(cache, ADMIN, "prog-a");
		activity(cache);
		generations.put(GenerationFields.CONTACTS, 5L);

		summary(cache, ADMIN, "prog-a");
		activity(cache);

		assertThat(computed).hasValue(4);
		assertThat(requests("hit")).isZero();
	}

	@Test
	void argumentsTenantsAndScopesAreKeptApart() {
		DashboardCache cache = cache(true, 10);
		summary(cache, ADMIN, "prog-a");
		summary(cache, ADMIN, "prog-b");
		summary(cache, new Caller("other", "other-admin", null, List.of()), "prog-a");
		summary(cache, new Caller("demo", "demo-manager", "manager", List.of("team-1")), "prog-a");
		summary(cache, new Caller("demo", "demo-manager", "manager", List.of("team-2")), "prog-a");
		assertThat(computed).hasValue(5);
		// Another client with the same tenant, role and teams sees the same data.
		summary(cache, new Caller("demo", "another-manager", "manager", List.of("team-2")), "prog-a");
		assertThat(computed).hasValue(5);
	}

	@Test
	void withoutGenerationsTheCacheIsBypassed() {
		DashboardCache cache = cache(true, 10);
		admit(CompletableFuture.completedFuture(Optional.empty()));
		cache.get(ADMIN, "programSummary", Dependency.program("prog-a"), List.of("prog-a"), computed::incrementAndGet);
		cache.get(ADMIN, "programSummary", Dependency.program("prog-a"), List.of("prog-a"), computed::incrementAndGet);
		assertThat(computed).hasValue(2);
		assertThat(cache.size()).isZero();
		assertThat(requests("bypass")).isEqualTo(2);
	}

	@Test
	void outsideAGraphQlRequestTheCacheIsBypassed() {
		DashboardCache cache = cache(true, 10);
		cache.get(ADMIN, "programSummary", Dependency.program("prog-a"), List.of("prog-a"), computed::incrementAndGet);
		assertThat(cache.size()).isZero();
	}

	@Test
	void disabledComputesEveryTime() {
		DashboardCache cache = cache(false, 10);
		summary(cache, ADMIN, "prog-a");
		summary(cache, ADMIN, "prog-a");
		assertThat(computed).hasValue(2);
	}

	@Test
	void theLeastRecentlyUsedResultIsEvicted() {
		DashboardCache cache = cache(true, 2);
		summary(cache, ADMIN, "a");
		summary(cache, ADMIN, "b");
		summary(cache, ADMIN, "a");
		summary(cache, ADMIN, "c");
		assertThat(cache.size()).isEqualTo(2);
		assertThat(computed).hasValue(3);
		summary(cache, ADMIN, "a");
		assertThat(computed).hasValue(3);
		summary(cache, ADMIN, "b");
		assertThat(computed).hasValue(4);
	}

	@Test
	void concurrentIdenticalMissesShareOneComputation() throws Exception {
		DashboardCache cache = cache(true, 10);
		CountDownLatch release = new CountDownLatch(1);
		int callers = 8;
		List<CompletableFuture<Integer>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < callers; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					admit(admitted());
					return cache.get(ADMIN, "programSummary", Dependency.program("prog-a"), List.of("prog-a"), () -> {
						waitFor(release);
						return computed.incrementAndGet();
					});
				}, threads));
			}
			await().until(() -> requests("shared") == callers - 1);
			release.countDown();

			assertThat(answers).allSatisfy(answer -> assertThat(answer.get()).isEqualTo(1));
		}
		assertThat(computed).hasValue(1);
		assertThat(requests("miss")).isEqualTo(1);
	}

	@Test
	void aRefusedRequestComputesNothing() {
		DashboardCache cache = cache(true, 10);
		// What the limiter fails an admission with in FAIL_CLOSED mode (a refusal is
		// alike).
		admit(CompletableFuture.failedFuture(new UnavailableException("refused", Duration.ofSeconds(1), null)));

		assertThatThrownBy(() -> cache.get(ADMIN, "programSummary", Dependency.program("prog-a"), List.of("prog-a"),
				computed::incrementAndGet))
			.isInstanceOf(UnavailableException.class);
		assertThat(computed).hasValue(0);
	}

	private DashboardCache cache(boolean enabled, int maxEntries) {
		return new DashboardCache(new CacheProperties(enabled, maxEntries), registry, new TenantTags(Set.of("demo")));
	}

	/** A request admitted with the current generations, on this thread. */
	private int summary(DashboardCache cache, Caller caller, String programId) {
		admit(admitted());
		return cache.get(caller, "programSummary", Dependency.program(programId),
				DashboardCache.arguments(programId, null), computed::incrementAndGet);
	}

	private int activity(DashboardCache cache) {
		admit(admitted());
		return cache.get(ADMIN, "activity", Dependency.everyProgram(), DashboardCache.arguments("range", null),
				computed::incrementAndGet);
	}

	private CompletableFuture<Optional<Generations>> admitted() {
		return CompletableFuture.completedFuture(Optional.of(new Generations(generations)));
	}

	private void admit(CompletableFuture<Optional<Generations>> outcome) {
		accessor.setValue(Admission.of(outcome));
	}

	private double requests(String result) {
		return registry.find("rollcall.cache.requests")
			.tags("result", result, "tenant", "demo")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
