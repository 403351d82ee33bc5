package io.rollcall.api.dashboard.reps;

import java.util.List;

/**
 * One page of reps and the exact number of reps the query matches across all pages.
 *
 * @param rows the page, in sort order
 * @param hasNext whether rows follow the page in sort order
 * @param hasPrevious whether rows precede the page in sort order
 * @param total reps matching the query (exact: {@code track_total_hits})
 */
public record RepPage(List<RepRow> rows, boolean hasNext, boolean hasPrevious, long total) {

	public RepPage {
		rows = List.copyOf(rows);
	}

}
