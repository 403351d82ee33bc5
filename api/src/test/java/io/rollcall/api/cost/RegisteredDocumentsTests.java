package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.FakeGraphQl;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * A registered document is analyzed once, at registration, and the guard reuses that
 * analysis; a price that depends on the request's variables is not kept.
 */
class RegisteredDocumentsTests {

	private static final String SUMMARY = "query Summary { programSummary(programId: \"p\") { totalEvents } }";

	private static final String SIZED = "query Reps($first: Int) { repProgress(programId: \"p\", first: $first) { totalCount } }";

	private final RegisteredDocuments registered = CostTestSchema.registeredDocuments("");

	private final FakeGraphQl.Chain chain = new FakeGraphQl.Chain(Map.of("programSummary", Map.of("totalEvents", 1)));

	@Test
	void aValidDocumentIsAnalyzedWhenItIsRegistered() {
		assertThat(registered.register(SUMMARY)).isEmpty();

		assertThat(registered.get(SUMMARY, "Summary")).get()
			.satisfies(analysis -> assertThat(analysis.cost()).isEqualTo(20 + 1));
	}

	@Test
	void aPriceThatDependsOnVariablesIsNotKept() {
		assertThat(registered.register(SIZED)).isEmpty();

		assertThat(registered.get(SIZED, "Reps")).isEmpty();
	}

	@Test
	void whatCannotRunIsSaidAndNotKept() {
		assertThat(registered.register("{ programSummary(")).isNotEmpty();
		assertThat(registered.register("{ programSummary(programId: \"p\") { secret } }")).singleElement()
			.asString()
			.contains("secret");
		assertThat(registered.register("{ ...A } fragment A on Query { ...A }")).singleElement()
			.asString()
			.contains("spreads itself");
		assertThat(registered.size()).isEqualTo(1);
	}

	@Test
	void theGuardKeepsTheAnalysisOfARegisteredDocumentOnlyAndReusesIt() {
		DocumentGuardInterceptor guard = CostTestSchema.interceptor("", registered);
		WebGraphQlRequest adHoc = FakeGraphQl.request(SUMMARY, Map.of());
		WebGraphQlRequest persisted = FakeGraphQl.request("PersistedQueryMarker", Map.of());
		RegisteredDocuments.run(persisted, SUMMARY);

		guard.intercept(adHoc, chain).block();
		assertThat(registered.size()).isZero();
		guard.intercept(persisted, chain).block();
		assertThat(registered.get(SUMMARY, null)).isPresent();
		WebGraphQlRequest again = FakeGraphQl.request("PersistedQueryMarker", Map.of());
		RegisteredDocuments.run(again, SUMMARY);
		guard.intercept(again, chain).block();

		assertThat(chain.calls()).isEqualTo(3);
		assertThat(PricedOperation.of(again)).get()
			.satisfies(priced -> assertThat(priced.requestedCost()).isEqualTo(21));
	}

}
