package io.rollcall.api.dashboard.leaderboard;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.dashboard.contact.ContactRow;
import io.rollcall.api.dashboard.contact.ContactService;
import io.rollcall.api.dashboard.reps.RepHit;
import io.rollcall.api.dashboard.reps.RepRow;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(LeaderboardController.class)
@Import(LeaderboardService.class)
class LeaderboardControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

	private static final List<RepRow> LEADERS = List.of(
			new RepRow(new RepHit("rep-3", 40, 4, NOW, 4, 3), List.of(FieldValue.of(0.75), FieldValue.of("rep-3"))),
			new RepRow(new RepHit("rep-1", 12, 1, NOW, 2, 1), List.of(FieldValue.of(0.5), FieldValue.of("rep-1"))));

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private LeaderboardQuery query;

	@MockitoBean
	private ContactService contacts;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void rankedByTheMetricWithTheirContacts() {
		given(query.leaders(TENANT, "prog-0", LeaderboardMetric.QUIZ_ACCURACY, 2)).willReturn(LEADERS);
		LeaderboardEntry first = new LeaderboardEntry(1, "rep-3", 0.75, TENANT);
		LeaderboardEntry second = new LeaderboardEntry(2, "rep-1", 0.5, TENANT);
		given(contacts.join(anyList(), any(), any()))
			.willReturn(Map.of(first, new ContactRow("rep-3", "Ada Rep", null, null, null, null)));

		graphQl.documentName("leaderboard")
			.variables(variables("programId", "prog-0", "metric", "QUIZ_ACCURACY", "first", 2, "teamId", "team-1"))
			.execute()
			.path("leaderboard")
			.matchesJsonStrictly("""
					[{"rank": 1, "contactId": "rep-3", "value": 0.75, "contact": {"name": "Ada Rep"}},
					 {"rank": 2, "contactId": "rep-1", "value": 0.5, "contact": null}]
					""");
		then(contacts).should().join(eq(List.of(first, second)), any(), any());
		then(reads).should().cached(eq("leaderboard"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void eachMetricIsItsRollupValueAndTenLeadByDefault() {
		given(query.leaders(TENANT, "prog-0", LeaderboardMetric.ACTIVITY, 10)).willReturn(LEADERS);
		given(query.leaders(TENANT, "prog-0", LeaderboardMetric.LESSONS_COMPLETED, 10)).willReturn(LEADERS);

		graphQl.documentName("leaderboard")
			.variables(variables("programId", "prog-0", "metric", "ACTIVITY"))
			.execute()
			.path("leaderboard[*].value")
			.entityList(Double.class)
			.containsExactly(40.0, 12.0);
		graphQl.documentName("leaderboard")
			.variables(variables("programId", "prog-0", "metric", "LESSONS_COMPLETED"))
			.execute()
			.path("leaderboard[*].value")
			.entityList(Double.class)
			.containsExactly(4.0, 1.0);
	}

	@Test
	void eachMalformedArgumentIsNamed() {
		assertBadArgument(graphQl, "leaderboard", variables("programId", "bad id!", "metric", "ACTIVITY"), "programId");
		assertBadArgument(graphQl, "leaderboard",
				variables("programId", "prog-0", "metric", "ACTIVITY", "teamId", "a/b"), "teamId");
		assertBadArgument(graphQl, "leaderboard", variables("programId", "prog-0", "metric", "ACTIVITY", "first", 501),
				"first");
		assertBadArgument(graphQl, "leaderboard", variables("programId", "prog-0", "metric", "ACTIVITY", "first", 0),
				"first");
		verifyNoInteractions(query, reads);
	}

}
