package io.rollcall.api.dashboard.lesson;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.cache.Dependency;
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

@GraphQlTest(LessonController.class)
@Import(LessonService.class)
class LessonControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private QuizStatsQuery quizzes;

	@MockitoBean
	private VideoDropoffQuery videos;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void answersPerQuestion() {
		given(quizzes.questions(TENANT, "prog-0", "lesson-3"))
			.willReturn(List.of(QuestionStats.of("q-1", 4, 3), QuestionStats.of("q-2", 2, 0)));

		graphQl.documentName("quizStats")
			.variables(variables("programId", "prog-0", "lessonId", "lesson-3", "teamId", "team-1"))
			.execute()
			.path("quizStats")
			.matchesJsonStrictly("""
					[{"questionId": "q-1", "attempts": 4, "correct": 3, "correctRate": 0.75},
					 {"questionId": "q-2", "attempts": 2, "correct": 0, "correctRate": 0.0}]
					""");
		then(reads).should().cached(eq("quizStats"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void repsAtOrPastEachSegmentFromTheirFurthest() {
		given(videos.furthestSegments(TENANT, "prog-0", "lesson-3")).willReturn(Map.of("rep-1", 2, "rep-2", 0));

		graphQl.documentName("videoDropoff")
			.variables(variables("programId", "prog-0", "lessonId", "lesson-3", "teamId", "team-1"))
			.execute()
			.path("videoDropoff")
			.matchesJsonStrictly("""
					[{"segment": 0, "reps": 2}, {"segment": 1, "reps": 1}, {"segment": 2, "reps": 1}]
					""");
		then(reads).should().cached(eq("videoDropoff"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void eachMalformedArgumentIsNamed() {
		for (String query : List.of("quizStats", "videoDropoff")) {
			assertBadArgument(graphQl, query, variables("programId", "bad id!", "lessonId", "lesson-0"), "programId");
			assertBadArgument(graphQl, query, variables("programId", "prog-0", "lessonId", "bad id!"), "lessonId");
			assertBadArgument(graphQl, query, variables("programId", "prog-0", "lessonId", "lesson-0", "teamId", "a/b"),
					"teamId");
		}
		verifyNoInteractions(quizzes, videos, reads);
	}

}
