package io.rollcall.api.dashboard.reps;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.rollcall.api.dashboard.SearchResults;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.index.ProgressDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Pages of reps, read from their progress rollups (one per rep and program): a sorted
 * search over a few thousand small documents, continued with {@code search_after} from
 * the previous page's last sort values. The per-rep table, the non-compliant reps and the
 * leaderboard are such pages with their own filters.
 */
@Component
public class RepPageQuery {

	private final TenantScopedSearch search;

	public RepPageQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/**
	 * The rollups matching {@code filter} in {@code sort} order (then contact id
	 * ascending), continuing after {@code after} (the {@link RepRow#sortValues()} of the
	 * previous page's last row), with the exact number of matching rollups.
	 * @param after {@code null} for the first page
	 */
	public RepPage page(SearchScope scope, Query filter, RepSort sort, boolean descending, int size,
			List<FieldValue> after) {
		List<SortOptions> order = new ArrayList<>();
		if (sort.field() != null) {
			SortOrder direction = descending ? SortOrder.Desc : SortOrder.Asc;
			order.add(SortOptions.of(o -> o.field(f -> {
				f.field(sort.field()).order(direction);
				return sort == RepSort.QUIZ_ACCURACY ? f.missing(FieldValue.of(RepSort.NO_ACCURACY)) : f;
			})));
		}
		order.add(SortOptions.of(o -> o.field(f -> f.field(ProgressDocument.CONTACT_ID).order(SortOrder.Asc))));
		// One row more than asked tells whether another page follows.
		SearchResponse<RepHit> response = search.search(scope, SearchIndex.PROGRESS, filter, s -> {
			s.size(size + 1).sort(order).source(source -> source.filter(f -> f.includes(RepHit.FIELDS)));
			if (after != null) {
				s.searchAfter(after);
			}
		}, RepHit.class);
		List<Hit<RepHit>> hits = response.hits().hits();
		List<RepRow> rows = hits.subList(0, Math.min(size, hits.size()))
			.stream()
			.map(hit -> new RepRow(hit.source(), hit.sort()))
			.toList();
		return new RepPage(rows, hits.size() > size, SearchResults.total(response));
	}

}
