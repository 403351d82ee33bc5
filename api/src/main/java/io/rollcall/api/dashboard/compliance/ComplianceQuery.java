package io.rollcall.api.dashboard.compliance;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.dashboard.SearchResults;
import io.rollcall.api.dashboard.reps.RepPage;
import io.rollcall.api.dashboard.reps.RepPageQuery;
import io.rollcall.api.dashboard.reps.RepSort;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.index.ProgressDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Compliance with a list of required lessons, from the progress rollups: a rep complies
 * when its {@code lessons_completed} holds every one of them.
 */
@Component
class ComplianceQuery {

	private static final String COMPLIANT = "compliant";

	private static final String LESSONS = "lessons";

	private final TenantScopedSearch search;

	private final RepPageQuery pages;

	ComplianceQuery(TenantScopedSearch search, RepPageQuery pages) {
		this.search = search;
		this.pages = pages;
	}

	/**
	 * The lessons any event of the program names, by id, over the whole tenant: a
	 * program's curriculum when it has no catalog entry must not change with who looks.
	 */
	List<String> lessonsSeen(SearchScope scope, String programId) {
		SearchResponse<Void> response = search.aggregate(scope.tenantWide(), SearchIndex.EVENTS,
				Filters.eventsOf(programId), Map.of(LESSONS,
						Aggregation.of(a -> a.terms(t -> t.field(EventDocument.LESSON_ID).size(search.maxLessons())))));
		return List.copyOf(new TreeSet<>(SearchResults.termCounts(response.aggregations(), LESSONS).keySet()));
	}

	/**
	 * How many of the program's reps completed every lesson of {@code required} and how
	 * many miss at least one, in one search: the program's reps counted exactly, the
	 * compliant ones by a filter aggregation.
	 */
	ComplianceCounts counts(SearchScope scope, String programId, List<String> required) {
		SearchResponse<Void> response = search.aggregate(scope, SearchIndex.PROGRESS, Filters.rollupsOf(programId),
				Map.of(COMPLIANT, Aggregation.of(a -> a.filter(completedAll(required)))));
		long reps = SearchResults.total(response);
		Aggregate compliant = response.aggregations() == null ? null : response.aggregations().get(COMPLIANT);
		long compliantReps = compliant == null ? 0 : compliant.filter().docCount();
		return new ComplianceCounts(compliantReps, reps - compliantReps);
	}

	/**
	 * A page of the program's reps that miss at least one lesson of {@code required}, in
	 * contact id order.
	 */
	RepPage nonCompliant(SearchScope scope, String programId, List<String> required, int size, List<FieldValue> after) {
		Query filter = Query
			.of(q -> q.bool(b -> b.filter(Filters.rollupsOf(programId)).mustNot(completedAll(required))));
		return pages.page(scope, filter, RepSort.CONTACT_ID, false, size, after);
	}

	private static Query completedAll(List<String> required) {
		return Query.of(q -> q.bool(b -> {
			required.forEach(
					lesson -> b.filter(f -> f.term(t -> t.field(ProgressDocument.LESSONS_COMPLETED).value(lesson))));
			return b;
		}));
	}

}
