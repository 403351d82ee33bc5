package io.rollcall.api.dashboard.quiz;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(QuizStatsController.class)
@Import(QuizStatsService.class)
class QuizStatsControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private QuizStatsQuery query;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void answersPerQuestion() {
		given(query.questions(TENANT, "prog-0", "lesson-3"))
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
	void eachMalformedArgumentIsNamed() {
		assertBadArgument(graphQl, "quizStats", variables("programId", "bad id!", "lessonId", "lesson-0"), "programId");
		assertBadArgument(graphQl, "quizStats", variables("programId", "prog-0", "lessonId", "bad id!"), "lessonId");
		assertBadArgument(graphQl, "quizStats",
				variables("programId", "prog-0", "lessonId", "lesson-0", "teamId", "a/b"), "teamId");
		verifyNoInteractions(query, reads);
	}

}
