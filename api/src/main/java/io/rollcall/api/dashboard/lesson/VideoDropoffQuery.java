package io.rollcall.api.dashboard.lesson;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Each rep's furthest VIDEO_PROGRESS segment in a lesson: a {@code composite} aggregation
 * over the contact id with a {@code max} of the segment pages through every rep (exact,
 * and bounded in memory per page).
 */
@Component
class VideoDropoffQuery {

	/** Reps per composite page; under search.max_buckets. */
	private static final int PAGE = 10_000;

	private static final String REPS = "reps";

	private static final String CONTACT = "contact";

	private static final String FURTHEST = "furthest";

	private final TenantScopedSearch search;

	VideoDropoffQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/** The furthest segment of each rep with VIDEO_PROGRESS in the lesson, by rep. */
	Map<String, Integer> furthestSegments(SearchScope scope, String programId, String lessonId) {
		Query query = Filters.eventsOf(programId, lessonId, EventType.VIDEO_PROGRESS);
		Map<String, Integer> furthest = new HashMap<>();
		Map<String, FieldValue> after = null;
		while (true) {
			Map<String, FieldValue> from = after;
			Map<String, Aggregate> aggregations = search
				.aggregate(scope, SearchIndex.EVENTS, query, Map.of(REPS, Aggregation.of(a -> a.composite(c -> {
					c.size(PAGE)
						.sources(NamedValue.of(CONTACT,
								CompositeAggregationSource.of(s -> s.terms(t -> t.field(EventDocument.CONTACT_ID)))));
					return from == null ? c : c.after(from);
				}).aggregations(FURTHEST, max -> max.max(m -> m.field(EventDocument.SEGMENT))))))
				.aggregations();
			Aggregate reps = aggregations == null ? null : aggregations.get(REPS);
			if (reps == null || !reps.isComposite()) {
				return furthest;
			}
			List<CompositeBucket> buckets = reps.composite().buckets().array();
			for (CompositeBucket bucket : buckets) {
				furthest.put(bucket.key().get(CONTACT).stringValue(),
						bucket.aggregations().get(FURTHEST).max().value().intValue());
			}
			if (buckets.size() < PAGE || reps.composite().afterKey() == null) {
				return furthest;
			}
			after = reps.composite().afterKey();
		}
	}

}
