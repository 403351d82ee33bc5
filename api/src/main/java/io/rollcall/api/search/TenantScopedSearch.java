package io.rollcall.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.rollcall.api.error.UnavailableException;
import io.rollcall.api.isolation.SearchBulkhead;
import io.rollcall.api.security.Caller;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The only api class that talks to Elasticsearch (an ArchUnit test keeps it so). Every
 * request it sends is routed by the caller's tenant and filtered by a {@code tenant_id}
 * term, whatever the dashboard asks for: a tenant can never read another's documents,
 * even through a bug in a service. Missing indices (nothing indexed yet) read as empty,
 * not as errors.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-shard-routing">search
 * shard routing</a>
 */
@Component
public class TenantScopedSearch {

	private static final String EVENTS = "events";

	private static final String QUIZ_ANSWERED = "quiz_answered";

	private static final String QUIZ_CORRECT = "quiz_correct";

	private static final String STARTED = "lessons_started";

	private static final String COMPLETED = "lessons_completed";

	private final ElasticsearchClient client;

	private final IndexNames indices;

	private final SearchProperties properties;

	private final SearchBulkhead bulkhead;

	TenantScopedSearch(ElasticsearchClient client, SearchProperties properties, SearchBulkhead bulkhead) {
		this.client = client;
		this.indices = new IndexNames(properties.indexPrefix());
		this.properties = properties;
		this.bulkhead = bulkhead;
	}

	/**
	 * Totals and per-lesson reach of {@code programId}, from the progress rollups (one
	 * per rep).
	 */
	public ProgramProgress programProgress(Caller caller, String programId) {
		SearchResponse<Void> response = search(caller, indices.progress(),
				Query.of(q -> q.term(t -> t.field(ProgressDocument.PROGRAM_ID).value(programId))),
				Map.of(EVENTS, Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.EVENT_COUNT))), QUIZ_ANSWERED,
						Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_ANSWERED))), QUIZ_CORRECT,
						Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_CORRECT))), STARTED,
						Aggregation.of(a -> a
							.terms(t -> t.field(ProgressDocument.LESSONS_STARTED).size(properties.maxLessons()))),
						COMPLETED, Aggregation.of(a -> a
							.terms(t -> t.field(ProgressDocument.LESSONS_COMPLETED).size(properties.maxLessons())))));
		long reps = response.hits().total() == null ? 0 : response.hits().total().value();
		Map<String, Aggregate> aggregations = response.aggregations();
		if (reps == 0 || aggregations == null || aggregations.isEmpty()) {
			return ProgramProgress.empty();
		}
		return new ProgramProgress(reps, sum(aggregations, EVENTS), sum(aggregations, QUIZ_ANSWERED),
				sum(aggregations, QUIZ_CORRECT), buckets(aggregations, STARTED), buckets(aggregations, COMPLETED));
	}

	/**
	 * Sends a size-0 aggregation search for {@code query} within the caller's tenant. Hit
	 * counts are exact ({@code track_total_hits}), since dashboards report them as counts
	 * of reps.
	 */
	private SearchResponse<Void> search(Caller caller, String index, Query query,
			Map<String, Aggregation> aggregations) {
		SearchRequest request = SearchRequest.of(
				s -> s.index(index)
					.routing(caller.tenantId())
					.ignoreUnavailable(true)
					.allowNoIndices(true)
					.size(0)
					.timeout(bulkhead.searchTimeout())
					.trackTotalHits(t -> t.enabled(true))
					.query(q -> q.bool(b -> b
						.filter(f -> f.term(t -> t.field(ProgressDocument.TENANT_ID).value(caller.tenantId())))
						.filter(query)))
					.aggregations(aggregations));
		try {
			// A tenant's searches queue behind each other, never in front of other
			// tenants'.
			return bulkhead.call(caller.tenantId(), () -> client.search(request, Void.class));
		}
		catch (ElasticsearchException e) {
			throw SearchFailures.translate(e, properties.retryAfter());
		}
		catch (IOException e) {
			throw new UnavailableException("search is unavailable, retry later", properties.retryAfter(), e);
		}
	}

	private static long sum(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations.get(name);
		return aggregate == null ? 0 : Math.round(aggregate.sum().value());
	}

	private static Map<String, Long> buckets(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations.get(name);
		if (aggregate == null || !aggregate.isSterms()) {
			return Map.of(); // an unmapped field aggregates as empty umterms
		}
		List<StringTermsBucket> buckets = aggregate.sterms().buckets().array();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (StringTermsBucket bucket : buckets) {
			counts.put(bucket.key().stringValue(), bucket.docCount());
		}
		return counts;
	}

}
