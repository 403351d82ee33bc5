package io.rollcall.api.dashboard.summary;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.dashboard.catalog.CatalogQuery;
import io.rollcall.api.dashboard.catalog.ProgramRow;
import io.rollcall.api.dashboard.live.LiveTiles;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(ProgramSummaryController.class)
@Import(ProgramSummaryService.class)
class ProgramSummaryControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ProgramSummaryQuery query;

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
	void theProgramsTotalsAndItsLessonsInCatalogOrder() {
		given(catalog.program(TENANT, "prog-0"))
			.willReturn(Optional.of(new ProgramRow("prog-0", "Onboarding", List.of("lesson-2", "lesson-1"), null)));
		given(query.progress(TENANT, "prog-0")).willReturn(
				new ProgramProgress(3, 120, 4, 3, Map.of("lesson-1", 3L, "lesson-9", 1L), Map.of("lesson-1", 2L)));

		graphQl.documentName("programSummary")
			.variable("programId", "prog-0")
			.execute()
			.path("programSummary")
			.matchesJsonStrictly("""
					{"programId": "prog-0", "totalEvents": 120, "activeReps": 3, "quizAccuracy": 0.75,
					 "lessons": [{"lessonId": "lesson-2", "startedReps": 0, "completedReps": 0},
					             {"lessonId": "lesson-1", "startedReps": 3, "completedReps": 2},
					             {"lessonId": "lesson-9", "startedReps": 1, "completedReps": 0}]}
					""");
	}

	@Test
	void anUnknownProgramIsZerosNotAnError() {
		given(query.progress(TENANT, "nope")).willReturn(ProgramProgress.empty());

		graphQl.documentName("programSummary")
			.variable("programId", "nope")
			.execute()
			.path("programSummary")
			.matchesJsonStrictly("""
					{"programId": "nope", "totalEvents": 0, "activeReps": 0, "quizAccuracy": null, "lessons": []}
					""");
	}

	@Test
	void aMalformedProgramIdIsNamed() {
		assertBadArgument(graphQl, "programSummary", variables("programId", "bad id!"), "programId");
		verifyNoInteractions(query, catalog, reads);
	}

}
