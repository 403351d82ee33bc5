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
import java.util.Collections;
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
		return page(scope, filter, sort, descending, size, after, false);
	}

	/**
	 * A page next to {@code cursor} (the sort values of a row): the {@code size} rows
	 * after it, or with {@code backward} the {@code size} rows before it (still in
	 * {@code sort} order). Every order is total (it ends with the contact id) and
	 * Elasticsearch reverses it exactly, so a backward page is the forward search in the
	 * reversed order, read back to front. Whether rows lie beyond the page is known from
	 * one row more than asked; whether rows lie on the cursor's side of it (a page from a
	 * cursor only) costs one more search of a single row in the other direction.
	 * @param cursor {@code null} for the first (or, backward, the last) page
	 */
	public RepPage page(SearchScope scope, Query filter, RepSort sort, boolean descending, int size,
			List<FieldValue> cursor, boolean backward) {
		boolean reversed = descending != backward;
		SearchResponse<RepHit> response = search(scope, filter, sort, reversed, backward, size + 1, cursor);
		List<Hit<RepHit>> hits = response.hits().hits();
		List<RepRow> rows = new ArrayList<>(hits.subList(0, Math.min(size, hits.size()))
			.stream()
			.map(hit -> new RepRow(hit.source(), hit.sort()))
			.toList());
		boolean beyond = hits.size() > size;
		boolean behind = cursor != null
				&& !search(scope, filter, sort, !reversed, !backward, 1, cursor).hits().hits().isEmpty();
		if (backward) {
			Collections.reverse(rows);
			return new RepPage(rows, behind, beyond, SearchResults.total(response));
		}
		return new RepPage(rows, beyond, behind, SearchResults.total(response));
	}

	/**
	 * @param descending the direction of the sort field
	 * @param contactIdDescending the direction of the contact id, the tie breaker
	 */
	private SearchResponse<RepHit> search(SearchScope scope, Query filter, RepSort sort, boolean descending,
			boolean contactIdDescending, int size, List<FieldValue> after) {
		List<SortOptions> order = new ArrayList<>();
		if (sort.field() != null) {
			SortOrder direction = descending ? SortOrder.Desc : SortOrder.Asc;
			order.add(SortOptions.of(o -> o.field(f -> {
				f.field(sort.field()).order(direction);
				return sort == RepSort.QUIZ_ACCURACY ? f.missing(FieldValue.of(RepSort.NO_ACCURACY)) : f;
			})));
		}
		SortOrder tieBreak = contactIdDescending ? SortOrder.Desc : SortOrder.Asc;
		order.add(SortOptions.of(o -> o.field(f -> f.field(ProgressDocument.CONTACT_ID).order(tieBreak))));
		return search.search(scope, SearchIndex.PROGRESS, filter, s -> {
			s.size(size).sort(order).source(source -> source.filter(f -> f.includes(RepHit.FIELDS)));
			if (after != null) {
				s.searchAfter(after);
			}
		}, RepHit.class);
	}

}
