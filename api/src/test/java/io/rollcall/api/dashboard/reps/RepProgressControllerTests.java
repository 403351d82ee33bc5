package io.rollcall.api.dashboard.reps;

import static io.rollcall.api.dashboard.Slices.assertBadArgument;
import static io.rollcall.api.dashboard.Slices.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Slices;
import io.rollcall.api.dashboard.contact.ContactRow;
import io.rollcall.api.dashboard.contact.ContactService;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(RepProgressController.class)
@Import(RepProgressService.class)
class RepProgressControllerTests {

	private static final SearchScope TENANT = CannedSearch.tenant("tenant-a");

	private static final RepHit ADA = new RepHit("rep-3", 40, 4, Instant.parse("2026-01-05T09:00:00Z"), 4, 3);

	private static final RepHit BOB = new RepHit("rep-1", 12, 1, Instant.parse("2026-01-04T17:30:00Z"), 0, 0);

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private RepPageQuery pages;

	@MockitoBean
	private ContactService contacts;

	@MockitoBean
	private DashboardReads reads;

	@BeforeEach
	void readWithinTheTenant() {
		Slices.readWithin(reads, TENANT);
	}

	@Test
	void aPageOfRepsWithCursorsOfItsOrderAndTheirContacts() {
		given(pages.page(eq(TENANT), any(), eq(RepSort.LESSONS_COMPLETED), eq(true), eq(2), isNull(), eq(false)))
			.willReturn(new RepPage(List.of(new RepRow(ADA, List.of(FieldValue.of(4), FieldValue.of("rep-3"))),
					new RepRow(BOB, List.of(FieldValue.of(1), FieldValue.of("rep-1")))), true, false, 5));
		RepProgressNode ada = RepProgressNode.of(ADA, TENANT);
		given(contacts.join(anyList(), any(), any())).willReturn(Map.of(ada,
				new ContactRow("rep-3", "Ada Rep", "ada@example.com", "team-1", "manager-1", "2025-03-01")));

		GraphQlTester.Response response = graphQl.documentName("repProgress")
			.variables(variables("programId", "prog-0", "first", 2, "orderBy",
					Map.of("field", "LESSONS_COMPLETED", "direction", "DESC")))
			.execute();

		response.path("repProgress.totalCount").entity(Long.class).isEqualTo(5L);
		response.path("repProgress.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("repProgress.edges[0].node").matchesJsonStrictly("""
				{"contactId": "rep-3", "lessonsCompleted": 4, "lastActivityAt": "2026-01-05T09:00:00Z",
				 "quizAccuracy": 0.75,
				 "contact": {"contactId": "rep-3", "name": "Ada Rep", "email": "ada@example.com", "teamId": "team-1",
				             "managerId": "manager-1", "hiredAt": "2025-03-01"}}
				""");
		response.path("repProgress.edges[1].node.quizAccuracy").valueIsNull();
		response.path("repProgress.edges[1].node.contact").valueIsNull();
		List<String> cursors = response.path("repProgress.edges[*].cursor").entityList(String.class).get();
		assertThat(cursors).hasSize(2);
		assertThat(Cursors.decode("LESSONS_COMPLETED:DESC", cursors.get(1))).map(FieldValue::_get)
			.containsExactly(1L, "rep-1");
		response.path("repProgress.pageInfo.endCursor").entity(String.class).isEqualTo(cursors.get(1));
		ArgumentCaptor<Query> filter = ArgumentCaptor.captor();
		then(pages).should().page(eq(TENANT), filter.capture(), any(), eq(true), eq(2), isNull(), eq(false));
		assertThat(filter.getValue().term().value().stringValue()).isEqualTo("prog-0");
		then(contacts).should().join(eq(List.of(ada, RepProgressNode.of(BOB, TENANT))), any(), any());
	}

	@Test
	void aCursorContinuesTheSameOrderAndTheDefaultsApply() {
		given(pages.page(any(), any(), any(), eq(false), eq(50), any(), eq(false)))
			.willReturn(new RepPage(List.of(), false, false, 5));
		String after = Cursors.encode("CONTACT_ID:ASC", List.of(FieldValue.of("rep-3")));

		graphQl.documentName("repProgress")
			.variables(variables("programId", "prog-0", "teamId", "team-1", "after", after))
			.execute()
			.path("repProgress")
			.matchesJsonStrictly("""
					{"totalCount": 5, "pageInfo": {"hasNextPage": false, "hasPreviousPage": false,
					                               "startCursor": null, "endCursor": null}, "edges": []}
					""");

		ArgumentCaptor<List<FieldValue>> from = ArgumentCaptor.captor();
		then(pages).should()
			.page(eq(TENANT), any(), eq(RepSort.CONTACT_ID), eq(false), eq(50), from.capture(), eq(false));
		assertThat(from.getValue()).map(FieldValue::_get).containsExactly("rep-3");
		then(reads).should().cached(eq("repProgress"), eq(Dependency.program("prog-0")), eq("team-1"), any(), any());
	}

	@Test
	void contactIdsNarrowThePageToThoseReps() {
		given(pages.page(any(), any(), any(), eq(false), eq(50), isNull(), eq(false)))
			.willReturn(new RepPage(List.of(new RepRow(BOB, List.of(FieldValue.of("rep-1")))), false, false, 1));

		graphQl.documentName("repProgress")
			.variables(variables("programId", "prog-0", "contactIds", List.of("rep-1", "rep-7")))
			.execute()
			.path("repProgress.edges[*].node.contactId")
			.entityList(String.class)
			.containsExactly("rep-1");

		ArgumentCaptor<Query> filter = ArgumentCaptor.captor();
		then(pages).should().page(eq(TENANT), filter.capture(), any(), eq(false), eq(50), isNull(), eq(false));
		List<Query> clauses = filter.getValue().bool().filter();
		assertThat(clauses.get(0).term().value().stringValue()).isEqualTo("prog-0");
		assertThat(clauses.get(1).terms().terms().value()).map(FieldValue::stringValue)
			.containsExactly("rep-1", "rep-7");
		ArgumentCaptor<List<?>> cacheKey = ArgumentCaptor.captor();
		then(reads).should().cached(eq("repProgress"), any(), isNull(), cacheKey.capture(), any());
		assertThat(new ArrayList<Object>(cacheKey.getValue())).as("the reps are part of the cache key")
			.contains(List.of("rep-1", "rep-7"));
	}

	@Test
	void atMost500ContactIdsEachAnId() {
		List<String> tooMany = IntStream.range(0, 501).mapToObj(i -> "rep-" + i).toList();

		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "contactIds", tooMany),
				"contactIds");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "contactIds", List.of("a b")),
				"contactIds");
		verifyNoInteractions(pages, reads);
	}

	@Test
	void eachMalformedArgumentIsNamed() {
		assertBadArgument(graphQl, "repProgress", variables("programId", "bad id!"), "programId");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "teamId", "a/b"), "teamId");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "first", 0), "first");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "first", 501), "first");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "after", "not-a-cursor"), "after");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "last", 0), "last");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "last", 501), "last");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "first", 5, "last", 5), "first");
		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "before", "not-a-cursor"), "before");
		assertBadArgument(graphQl, "repProgress",
				variables("programId", "prog-0", "orderBy", Map.of("field", "CONTACT_ID", "direction", "DESC")),
				"orderBy");
		verifyNoInteractions(pages, reads);
	}

	@Test
	void aCursorOfAnotherOrderIsRefused() {
		String cursor = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("1|LESSONS_COMPLETED:DESC|l3|sdemo-rep-1".getBytes(StandardCharsets.UTF_8));

		assertBadArgument(graphQl, "repProgress", variables("programId", "prog-0", "after", cursor), "after");
		verifyNoInteractions(pages, reads);
	}

}
