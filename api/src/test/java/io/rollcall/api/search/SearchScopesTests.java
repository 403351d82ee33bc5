package io.rollcall.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.security.Caller;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchScopesTests {

	private static final Caller READER = new Caller("tenant-a", "reader", null, List.of());

	private static final Caller MANAGER = new Caller("tenant-a", "manager-1", SearchScopes.MANAGER_ROLE,
			List.of("team-2", "team-1"));

	@Test
	void anyoneButAManagerSeesTheWholeTenantWithoutASearch() {
		CannedSearch canned = CannedSearch.answeringJson(List.of());

		SearchScope scope = new SearchScopes(canned.search()).resolve(READER, null);

		assertThat(scope.tenantId()).isEqualTo("tenant-a");
		assertThat(scope.contactIds()).isNull();
		assertThat(canned.requests()).isEmpty();
	}

	@Test
	void aScopeCoversItsContactsTheTenantCoversEveryRep() {
		assertThat(CannedSearch.contacts("tenant-a", "rep-1").covers("rep-1")).isTrue();
		assertThat(CannedSearch.contacts("tenant-a", "rep-1").covers("rep-2")).isFalse();
		assertThat(CannedSearch.contacts("tenant-a").covers("rep-1")).as("an empty team").isFalse();
		assertThat(CannedSearch.tenant("tenant-a").covers("rep-2")).isTrue();
	}

	@Test
	void aManagerSeesTheActiveContactsOfItsTeams() {
		CannedSearch canned = CannedSearch.answeringJson(List.of(members("rep-1", "rep-2")));

		SearchScope scope = new SearchScopes(canned.search()).resolve(MANAGER, null);

		assertThat(scope.contactIds()).containsExactlyInAnyOrder("rep-1", "rep-2");
		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-contacts");
			CannedSearch.assertBody(request, getClass(), "team-members-request.json");
		});
	}

	@Test
	void aRequestedTeamNarrowsAnyCaller() {
		CannedSearch canned = CannedSearch.answeringJson(List.of(members("rep-2"), members("rep-7")));
		SearchScopes scopes = new SearchScopes(canned.search());

		assertThat(scopes.resolve(MANAGER, "team-2").contactIds()).containsExactly("rep-2");
		assertThat(scopes.resolve(READER, "team-7").contactIds()).containsExactly("rep-7");

		assertThat(canned.requests()).map(CannedSearch::body)
			.allSatisfy(body -> assertThat(body).doesNotContain("team-1"))
			.satisfiesExactly(manager -> assertThat(manager).contains("\"team-2\""),
					reader -> assertThat(reader).contains("\"team-7\""));
	}

	@Test
	void aTeamOutsideAManagersTeamsIsAnEmptyScopeNotAnError() {
		CannedSearch canned = CannedSearch.answeringJson(List.of());

		SearchScope scope = new SearchScopes(canned.search()).resolve(MANAGER, "team-9");

		assertThat(scope.contactIds()).isEmpty();
		assertThat(canned.requests()).isEmpty();
	}

	@Test
	void largeTeamsArePagedThroughByContactId() {
		String[] firstPage = IntStream.range(0, 10_000).mapToObj(i -> "rep-%05d".formatted(i)).toArray(String[]::new);
		CannedSearch canned = CannedSearch.answeringJson(List.of(members(firstPage), members("rep-10000")));

		SearchScope scope = new SearchScopes(canned.search()).resolve(MANAGER, null);

		assertThat(scope.contactIds()).hasSize(10_001).contains("rep-00000", "rep-09999", "rep-10000");
		assertThat(canned.requests()).hasSize(2);
		assertThat(canned.requests().getFirst().searchAfter()).isEmpty();
		assertThat(canned.requests().get(1).searchAfter()).map(FieldValue::stringValue).containsExactly("rep-09999");
	}

	/** A page of the contacts scan: hits without source, sorted by contact id. */
	private static String members(String... contactIds) {
		StringBuilder hits = new StringBuilder();
		for (String contactId : contactIds) {
			hits.append(hits.isEmpty() ? "" : ",")
				.append("{\"_index\":\"test-contacts\",\"_id\":\"tenant-a/%s\",\"_score\":null,\"sort\":[\"%s\"]}"
					.formatted(contactId, contactId));
		}
		return """
				{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
				 "hits":{"total":{"value":%d,"relation":"eq"},"max_score":null,"hits":[%s]}}
				""".formatted(contactIds.length, hits);
	}

}
