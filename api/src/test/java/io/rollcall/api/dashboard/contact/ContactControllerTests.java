package io.rollcall.api.dashboard.contact;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(ContactController.class)
@Import(ContactService.class)
class ContactControllerTests {

	private static final SearchScope TEAM = CannedSearch.contacts("tenant-a", "rep-1");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ContactQuery query;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinATeam() {
		Slices.readWithin(reads, TEAM);
	}

	@Test
	void aContactWithinTheCallersScope() {
		given(query.byIds(TEAM, List.of("rep-1"))).willReturn(
				Map.of("rep-1", new ContactRow("rep-1", "Ada Rep", "ada@example.com", "team-1", null, "2025-03-01")));

		graphQl.documentName("contact").variable("id", "rep-1").execute().path("contact").matchesJsonStrictly("""
				{"contactId": "rep-1", "name": "Ada Rep", "email": "ada@example.com", "teamId": "team-1",
				 "managerId": null, "hiredAt": "2025-03-01"}
				""");
	}

	@Test
	void noSuchContactIsNullNotAnError() {
		graphQl.documentName("contact").variable("id", "nobody").execute().path("contact").valueIsNull();
	}

	@Test
	void aMalformedIdIsNamed() {
		assertBadArgument(graphQl, "contact", variables("id", "bad id!"), "id");
		verifyNoInteractions(query, reads);
	}

}
