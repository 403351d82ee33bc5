package io.rollcall.api.dashboard.catalog;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(CatalogController.class)
@Import(CatalogService.class)
class CatalogControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private CatalogQuery catalog;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void aProgramsCatalogEntry() {
		given(catalog.program(TENANT, "prog-0")).willReturn(Optional.of(new ProgramRow("prog-0", "Onboarding",
				List.of("lesson-3", "lesson-1"), Instant.parse("2026-03-01T00:00:00Z"))));

		graphQl.documentName("program").variable("id", "prog-0").execute().path("program").matchesJsonStrictly("""
				{"programId": "prog-0", "name": "Onboarding", "lessonIds": ["lesson-3", "lesson-1"],
				 "dueDate": "2026-03-01T00:00:00Z"}
				""");
	}

	@Test
	void noEntryIsNullNotAnError() {
		graphQl.documentName("program").variable("id", "prog-9").execute().path("program").valueIsNull();
	}

	@Test
	void aMalformedIdIsNamed() {
		assertBadArgument(graphQl, "program", variables("id", "bad id!"), "id");
		verifyNoInteractions(catalog, reads);
	}

}
