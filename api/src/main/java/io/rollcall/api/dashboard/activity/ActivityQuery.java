package io.rollcall.api.dashboard.activity;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.dashboard.SearchResults;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Events over time: a {@code date_histogram} on {@code occurred_at} (UTC calendar
 * buckets, empty ones included) by {@code terms} on the type; doc counts, exact on the
 * tenant's shard.
 */
@Component
class ActivityQuery {

	private static final String BUCKETS = "buckets";

	private static final String TYPES = "types";

	private final TenantScopedSearch search;

	ActivityQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/**
	 * Events in {@code range} per {@code interval} bucket and type.
	 * @param types the type names to count; empty for all
	 * @param programId the program, or {@code null} for all
	 */
	List<ActivityBucket> buckets(SearchScope scope, TimeRange range, Interval interval, Set<String> types,
			String programId) {
		Query query = Query.of(q -> q.bool(b -> {
			b.filter(f -> f.range(r -> r
				.date(d -> d.field(EventDocument.OCCURRED_AT).gte(range.from().toString()).lt(range.to().toString()))));
			if (programId != null) {
				b.filter(Filters.eventsOf(programId));
			}
			if (!types.isEmpty()) {
				List<FieldValue> values = types.stream().sorted().map(FieldValue::of).toList();
				b.filter(f -> f.terms(t -> t.field(EventDocument.TYPE).terms(v -> v.value(values))));
			}
			return b;
		}));
		CalendarInterval calendar = switch (interval) {
			case HOUR -> CalendarInterval.Hour;
			case DAY -> CalendarInterval.Day;
			case WEEK -> CalendarInterval.Week;
		};
		Map<String, Aggregate> aggregations = search
			.aggregate(scope, SearchIndex.EVENTS, query,
					Map.of(BUCKETS,
							Aggregation.of(a -> a
								.dateHistogram(h -> h.field(EventDocument.OCCURRED_AT)
									.calendarInterval(calendar)
									.timeZone("UTC")
									.minDocCount(0)
									.extendedBounds(bounds -> bounds
										.min(FieldDateMath.of(m -> m.value((double) range.from().toEpochMilli())))
										.max(FieldDateMath
											.of(m -> m.value((double) range.to().minusMillis(1).toEpochMilli())))))
								.aggregations(TYPES,
										byType -> byType
											.terms(t -> t.field(EventDocument.TYPE).size(EventType.values().length))))))
			.aggregations();
		Aggregate buckets = aggregations == null ? null : aggregations.get(BUCKETS);
		if (buckets == null || !buckets.isDateHistogram()) {
			return List.of();
		}
		return buckets.dateHistogram().buckets().array().stream().map(ActivityQuery::bucket).toList();
	}

	private static ActivityBucket bucket(DateHistogramBucket bucket) {
		List<ActivityBucket.TypeCount> byType = new TreeMap<>(SearchResults.termCounts(bucket.aggregations(), TYPES))
			.entrySet()
			.stream()
			.map(type -> new ActivityBucket.TypeCount(type.getKey(), type.getValue()))
			.toList();
		return new ActivityBucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount(), byType);
	}

}
