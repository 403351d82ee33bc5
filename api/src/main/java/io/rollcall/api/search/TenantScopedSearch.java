package io.rollcall.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.rollcall.api.isolation.SearchBulkhead;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.elasticsearch.ElasticsearchConnectionProperties;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The only api class that sends requests to Elasticsearch (an ArchUnit test keeps it so).
 * Every search is routed by the scope's tenant and filtered by a {@code tenant_id} term,
 * whatever the dashboard asks for: a tenant can never read another's documents, even
 * through a bug in a dashboard query. Searches of an index about reps are also filtered
 * by the contacts of the request's {@link SearchScope} (a manager's teams, a
 * {@code teamId} argument): one filter in one place, so lists and counts agree. Missing
 * indices (nothing indexed yet) read as empty, not as errors. A tenant's searches queue
 * in its own {@link SearchBulkhead}, never in front of other tenants', and each carries
 * Elasticsearch's search timeout.
 *
 * <p>
 * Counts are exact: all of a tenant's documents share one routing value, hence one shard,
 * where hit counts ({@code track_total_hits}) and terms bucket doc counts are exact.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-shard-routing">search
 * shard routing</a>
 */
@Component
public class TenantScopedSearch {

	private final ElasticsearchClient client;

	private final IndexNames indices;

	private final SearchProperties properties;

	private final SearchBulkhead bulkhead;

	/** What clients are told to wait while the cluster is unavailable. */
	private final Duration retryAfter;

	TenantScopedSearch(ElasticsearchClient client, IndexNames indices, SearchProperties properties,
			SearchBulkhead bulkhead, ElasticsearchConnectionProperties connection) {
		this.client = client;
		this.indices = indices;
		this.properties = properties;
		this.bulkhead = bulkhead;
		this.retryAfter = connection.retryAfter();
	}

	/**
	 * Searches {@code index} for the documents of {@code query} within {@code scope}.
	 * @param details the rest of the request: size, sort, source filtering, aggregations,
	 * {@code search_after}; the index, routing, query and timeout are the door's
	 * @param hitType what each hit's {@code _source} is read into ({@code Void} for none)
	 * @throws IllegalArgumentException when {@code details} name another index or a way
	 * around the query (kNN, a retriever, a point in time)
	 */
	public <T> SearchResponse<T> search(SearchScope scope, SearchIndex index, Query query,
			Consumer<SearchRequest.Builder> details, Class<T> hitType) {
		SearchRequest request = request(scope, index, query, details);
		try {
			return bulkhead.call(scope.tenantId(), () -> client.search(request, hitType));
		}
		catch (ElasticsearchException e) {
			throw SearchFailures.translate(e, retryAfter);
		}
		catch (IOException e) {
			throw new UnavailableException("search is unavailable, retry later", retryAfter, e);
		}
	}

	/**
	 * A size-0 search: {@code aggregations} over the documents of {@code query} within
	 * {@code scope}, with their exact number as the hit count.
	 */
	public SearchResponse<Void> aggregate(SearchScope scope, SearchIndex index, Query query,
			Map<String, Aggregation> aggregations) {
		return search(scope, index, query, s -> s.size(0).aggregations(aggregations), Void.class);
	}

	/** The most lessons of one program a lessons terms aggregation asks for. */
	public int maxLessons() {
		return properties.maxLessons();
	}

	private SearchRequest request(SearchScope scope, SearchIndex index, Query query,
			Consumer<SearchRequest.Builder> details) {
		SearchRequest request = SearchRequest.of(s -> {
			details.accept(s);
			// Set after the details, so that they cannot replace what scopes the search.
			return s.index(index.name(indices))
				.routing(scope.tenantId())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.timeout(bulkhead.searchTimeout())
				.trackTotalHits(t -> t.enabled(true))
				.query(scoped(scope, index, query));
		});
		if (request.index().size() != 1 || !request.knn().isEmpty() || request.retriever() != null
				|| request.pit() != null) {
			throw new IllegalArgumentException("a search reads one index through its query, nothing else");
		}
		return request;
	}

	private static Query scoped(SearchScope scope, SearchIndex index, Query query) {
		return Query.of(q -> q.bool(b -> {
			b.filter(f -> f.term(t -> t.field(ProgressDocument.TENANT_ID).value(scope.tenantId()))).filter(query);
			Set<String> contacts = scope.contactIds();
			if (contacts != null && index.repField() != null) {
				List<FieldValue> ids = contacts.stream().sorted().map(FieldValue::of).toList();
				b.filter(contacts.isEmpty() ? Query.of(none -> none.matchNone(m -> m))
						: Query.of(f -> f.terms(t -> t.field(index.repField()).terms(v -> v.value(ids)))));
			}
			return b;
		}));
	}

}
