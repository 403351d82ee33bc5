package io.rollcall.api.dashboard.summary;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.dashboard.SearchResults;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.index.ProgressDocument;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A program's totals from its progress rollups (one per rep), in one size-0 search: the
 * reps are the hit count, sums of the rollups' counters, and per lesson the reps that
 * started or completed it as terms bucket doc counts; all exact on the tenant's shard.
 */
@Component
class ProgramSummaryQuery {

	private static final String EVENTS = "events";

	private static final String QUIZ_ANSWERED = "quiz_answered";

	private static final String QUIZ_CORRECT = "quiz_correct";

	private static final String STARTED = "lessons_started";

	private static final String COMPLETED = "lessons_completed";

	private final TenantScopedSearch search;

	ProgramSummaryQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/** Totals and per-lesson reach of {@code programId} within {@code scope}. */
	ProgramProgress progress(SearchScope scope, String programId) {
		SearchResponse<Void> response = search.aggregate(scope, SearchIndex.PROGRESS, Filters.rollupsOf(programId), Map
			.of(EVENTS, Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.EVENT_COUNT))), QUIZ_ANSWERED,
					Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_ANSWERED))), QUIZ_CORRECT,
					Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_CORRECT))), STARTED,
					Aggregation
						.of(a -> a.terms(t -> t.field(ProgressDocument.LESSONS_STARTED).size(search.maxLessons()))),
					COMPLETED, Aggregation
						.of(a -> a.terms(t -> t.field(ProgressDocument.LESSONS_COMPLETED).size(search.maxLessons())))));
		long reps = SearchResults.total(response);
		Map<String, Aggregate> aggregations = response.aggregations();
		if (reps == 0 || aggregations == null || aggregations.isEmpty()) {
			return ProgramProgress.empty();
		}
		return new ProgramProgress(reps, sum(aggregations, EVENTS), sum(aggregations, QUIZ_ANSWERED),
				sum(aggregations, QUIZ_CORRECT), SearchResults.termCounts(aggregations, STARTED),
				SearchResults.termCounts(aggregations, COMPLETED));
	}

	private static long sum(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations.get(name);
		return aggregate == null ? 0 : Math.round(aggregate.sum().value());
	}

}
