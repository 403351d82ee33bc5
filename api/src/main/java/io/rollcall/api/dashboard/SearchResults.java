package io.rollcall.api.dashboard;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readings of search responses several dashboard queries share. */
public final class SearchResults {

	private SearchResults() {
	}

	/** The exact number of matching documents (every search tracks total hits). */
	public static long total(SearchResponse<?> response) {
		return response.hits().total() == null ? 0 : response.hits().total().value();
	}

	/**
	 * The doc count of each bucket of the terms aggregation {@code name}, by key, in the
	 * aggregation's order; empty when it is missing.
	 */
	public static Map<String, Long> termCounts(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations == null ? null : aggregations.get(name);
		if (aggregate == null || !aggregate.isSterms()) {
			return Map.of(); // an unmapped field aggregates as empty umterms
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
			counts.put(bucket.key().stringValue(), bucket.docCount());
		}
		return counts;
	}

}
