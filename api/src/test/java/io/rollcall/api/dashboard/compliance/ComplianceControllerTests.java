package io.rollcall.api.dashboard.compliance;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.dashboard.catalog.CatalogQuery;
import io.rollcall.api.dashboard.catalog.ProgramRow;
import io.rollcall.api.dashboard.live.LiveTiles;
import io.rollcall.api.dashboard.reps.Connection;
import io.rollcall.api.dashboard.reps.RepHit;
import io.rollcall.api.dashboard.reps.RepPage;
import io.rollcall.api.dashboard.reps.RepRow;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(ComplianceController.class)
@Import(ComplianceService.class)
class ComplianceControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	private static final List<String> REQUIRED = List.of("lesson-3", "lesson-1");

	private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

	private static final String NON_COMPLIANT = "NON_COMPLIANT:CONTACT_ID:ASC";

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ComplianceQuery query;

	@MockitoBean
	private CatalogQuery catalog;

	@MockitoBean
	private DashboardReads reads;

	/** The subscription's tiles are tested in {@code LiveTilesIntegrationTests}. */
	@MockitoBean
	private LiveTiles tiles;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void theCatalogsLessonsAndDueDateJudgeTheReps() {
		given(catalog.program(TENANT, "prog-0"))
			.willReturn(Optional.of(new ProgramRow("prog-0", "Onboarding", REQUIRED, NOW.minusSeconds(1))));
		given(query.counts(TENANT, "prog-0", REQUIRED)).willReturn(new ComplianceCounts(1, 2));
		given(query.nonCompliant(eq(TENANT), eq("prog-0"), eq(REQUIRED), eq(1), any())).willReturn(
				new RepPage(List.of(new RepRow(new RepHit("rep-2", 3, 1, NOW, 0, 0), List.of(FieldValue.of("rep-2")))),
						true, false, 2));

		graphQl.documentName("compliance")
			.variables(variables("programId", "prog-0", "first", 1))
			.execute()
			.path("compliance")
			.matchesJsonStrictly("""
					{"programId": "prog-0", "requiredLessons": ["lesson-3", "lesson-1"],
					 "dueBy": "2026-02-28T23:59:59Z", "compliant": 1, "nonCompliant": 2, "overdue": 2,
					 "nonCompliantReps": {"totalCount": 2,
					                      "pageInfo": {"hasNextPage": true, "endCursor": "%s"},
					                      "edges": [{"node": {"contactId": "rep-2"}}]}}
					""".formatted(cursor(NON_COMPLIANT, "rep-2")));
		then(query).should().nonCompliant(TENANT, "prog-0", REQUIRED, 1, null);
	}

	@Test
	void withoutCatalogTheLessonsSeenAreRequiredAndNothingIsOverdueBeforeDueBy() {
		given(query.lessonsSeen(TENANT, "prog-0")).willReturn(REQUIRED);
		given(query.counts(TENANT, "prog-0", REQUIRED)).willReturn(new ComplianceCounts(3, 0));
		given(query.nonCompliant(any(), any(), any(), eq(50), any()))
			.willReturn(new RepPage(List.of(), false, false, 0));
		String after = cursor(NON_COMPLIANT, "rep-1");

		graphQl.documentName("compliance")
			.variables(variables("programId", "prog-0", "dueBy", "2026-03-02T00:00:00Z", "teamId", "team-1", "after",
					after))
			.execute()
			.path("compliance")
			.matchesJson("""
					{"requiredLessons": ["lesson-3", "lesson-1"], "dueBy": "2026-03-02T00:00:00Z",
					 "compliant": 3, "nonCompliant": 0, "overdue": 0}
					""");
		ArgumentCaptor<List<FieldValue>> from = ArgumentCaptor.captor();
		then(query).should().nonCompliant(eq(TENANT), eq("prog-0"), eq(REQUIRED), eq(50), from.capture());
		assertThat(from.getValue()).map(FieldValue::_get).containsExactly("rep-1");
		then(reads).should().cached(eq("compliance"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void withoutAnyRequiredLessonNothingIsJudged() {
		graphQl.documentName("compliance")
			.variable("programId", "never-heard-of-it")
			.execute()
			.path("compliance")
			.matchesJsonStrictly("""
					{"programId": "never-heard-of-it", "requiredLessons": [], "dueBy": null, "compliant": 0,
					 "nonCompliant": 0, "overdue": 0,
					 "nonCompliantReps": {"totalCount": 0, "pageInfo": {"hasNextPage": false, "endCursor": null},
					                      "edges": []}}
					""");
		then(query).should().lessonsSeen(TENANT, "never-heard-of-it");
		then(query).shouldHaveNoMoreInteractions();
	}

	@Test
	void eachMalformedArgumentIsNamed() {
		assertBadArgument(graphQl, "compliance", variables("programId", "x".repeat(129)), "programId");
		assertBadArgument(graphQl, "compliance", variables("programId", "prog-0", "teamId", "a/b"), "teamId");
		assertBadArgument(graphQl, "compliance", variables("programId", "prog-0", "first", 501), "first");
		assertBadArgument(graphQl, "compliance", variables("programId", "prog-0", "after", "not-a-cursor"), "after");
		assertBadArgument(graphQl, "compliance",
				variables("programId", "prog-0", "after", cursor("CONTACT_ID:ASC", "rep-1")), "after");
	}

	/** The cursor a page of {@code order} ending with {@code contactId} hands out. */
	private static String cursor(String order, String contactId) {
		RepRow row = new RepRow(new RepHit(contactId, 0, 0, NOW, 0, 0), List.of(FieldValue.of(contactId)));
		return Connection.of(new RepPage(List.of(row), false, false, 1), order, TENANT).pageInfo().endCursor();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
