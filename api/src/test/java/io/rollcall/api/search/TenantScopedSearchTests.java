package io.rollcall.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import io.rollcall.platform.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TenantScopedSearchTests {

	private static final Query PROGRAM = Query.of(q -> q.term(t -> t.field("program_id").value("prog-0")));

	@Test
	void everySearchIsRoutedAndFilteredByTheTenantAndBounded() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json");

		canned.search()
			.search(CannedSearch.tenant("tenant-a"), SearchIndex.PROGRESS, PROGRAM, s -> s.size(3), Void.class);

		SearchRequest request = canned.requests().getFirst();
		assertThat(request.index()).containsExactly("test-progress");
		assertThat(request.routing()).isEqualTo("tenant-a");
		assertThat(request.ignoreUnavailable()).isTrue();
		assertThat(request.allowNoIndices()).isTrue();
		CannedSearch.assertBody(request, getClass(), "tenant-request.json");
	}

	@Test
	void searchesAboutRepsAreFilteredByTheScopesContacts() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json", "no-hits.json");
		SearchScope team = CannedSearch.contacts("tenant-a", "rep-2", "rep-1");

		canned.search().search(team, SearchIndex.EVENTS, PROGRAM, s -> s.size(3), Void.class);
		canned.search().search(team.tenantWide(), SearchIndex.EVENTS, PROGRAM, s -> s.size(3), Void.class);

		CannedSearch.assertBody(canned.requests().get(0), getClass(), "team-request.json");
		CannedSearch.assertBody(canned.requests().get(1), getClass(), "tenant-request.json");
	}

	@Test
	void theCatalogIsAboutNoRepSoNoScopeNarrowsIt() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json");

		canned.search()
			.search(CannedSearch.contacts("tenant-a", "rep-1"), SearchIndex.PROGRAMS, PROGRAM, s -> s.size(3),
					Void.class);

		assertThat(canned.requests().getFirst().index()).containsExactly("test-programs");
		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "tenant-request.json");
	}

	@Test
	void aScopeWithoutContactsMatchesNothing() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json");

		canned.search()
			.search(CannedSearch.contacts("tenant-a"), SearchIndex.PROGRESS, PROGRAM, s -> s.size(3), Void.class);

		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "no-team-request.json");
	}

	@Test
	void detailsCannotReplaceWhatScopesTheSearch() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json");

		canned.search()
			.search(CannedSearch.tenant("tenant-a"), SearchIndex.PROGRESS, PROGRAM,
					s -> s.size(3).routing("tenant-b").query(q -> q.matchAll(m -> m)).timeout("1h"), Void.class);

		assertThat(canned.requests().getFirst().routing()).isEqualTo("tenant-a");
		CannedSearch.assertBody(canned.requests().getFirst(), getClass(), "tenant-request.json");
	}

	@Test
	void detailsCannotAddAnIndexOrAWayAroundTheQuery() {
		CannedSearch canned = CannedSearch.answering(getClass(), "no-hits.json");
		SearchScope tenant = CannedSearch.tenant("tenant-a");

		assertThatIllegalArgumentException().isThrownBy(() -> canned.search()
			.search(tenant, SearchIndex.PROGRESS, PROGRAM, s -> s.index("other-tenants-index"), Void.class));
		assertThatIllegalArgumentException().isThrownBy(() -> canned.search()
			.search(tenant, SearchIndex.PROGRESS, PROGRAM,
					s -> s.knn(k -> k.field("vector").queryVector(1f).k(1).numCandidates(1)), Void.class));
		assertThatIllegalArgumentException().isThrownBy(() -> canned.search()
			.search(tenant, SearchIndex.PROGRESS, PROGRAM, s -> s.pit(p -> p.id("some-pit")), Void.class));
		assertThat(canned.requests()).isEmpty();
	}

	@Test
	void overloadAndUnavailabilityAreRetryable() {
		for (int status : new int[] { 429, 502, 503, 504 }) {
			CannedSearch canned = CannedSearch.failing(elasticsearchError(status));

			assertThatExceptionOfType(UnavailableException.class).as("status %d", status)
				.isThrownBy(() -> canned.search()
					.search(CannedSearch.tenant("tenant-a"), SearchIndex.EVENTS, PROGRAM, s -> s.size(0), Void.class))
				.satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
		}
	}

	@Test
	void aRefusedSearchIsAnInternalErrorThatKeepsElasticsearchsWordsToItself() {
		CannedSearch canned = CannedSearch.failing(elasticsearchError(400));

		assertThatExceptionOfType(RollcallException.class)
			.isThrownBy(() -> canned.search()
				.search(CannedSearch.tenant("tenant-a"), SearchIndex.EVENTS, PROGRAM, s -> s.size(0), Void.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
				assertThat(e.getMessage()).isEqualTo("search failed");
			});
	}

	@Test
	void anUnreachableClusterIsUnavailable() {
		CannedSearch canned = CannedSearch.failing(new IOException("connection refused"));

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> canned.search()
			.search(CannedSearch.tenant("tenant-a"), SearchIndex.EVENTS, PROGRAM, s -> s.size(0), Void.class));
	}

	private static ElasticsearchException elasticsearchError(int status) {
		return new ElasticsearchException("search", ErrorResponse
			.of(e -> e.status(status).error(c -> c.type("some_exception").reason("index [secret-name] said no"))));
	}

}
