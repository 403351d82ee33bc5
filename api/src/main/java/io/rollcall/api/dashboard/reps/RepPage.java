package io.rollcall.api.dashboard.reps;

import java.util.List;

/**
 * One page of reps and the exact number of reps the query matches across all pages.
 *
 * @param rows the page, in sort order
 * @param hasMore whether rows follow the page
 * @param total reps matching the query (exact: {@code track_total_hits})
 */
public record RepPage(List<RepRow> rows, boolean hasMore, long total) {

	public RepPage {
		rows = List.copyOf(rows);
	}

}
