package io.rollcall.api.dashboard.video;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(VideoDropoffController.class)
@Import(VideoDropoffService.class)
class VideoDropoffControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private VideoDropoffQuery query;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void repsAtOrPastEachSegmentFromTheirFurthest() {
		given(query.furthestSegments(TENANT, "prog-0", "lesson-3")).willReturn(Map.of("rep-1", 2, "rep-2", 0));

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
		assertBadArgument(graphQl, "videoDropoff", variables("programId", "bad id!", "lessonId", "lesson-0"),
				"programId");
		assertBadArgument(graphQl, "videoDropoff", variables("programId", "prog-0", "lessonId", "bad id!"), "lessonId");
		assertBadArgument(graphQl, "videoDropoff",
				variables("programId", "prog-0", "lessonId", "lesson-0", "teamId", "a/b"), "teamId");
		verifyNoInteractions(query, reads);
	}

}
