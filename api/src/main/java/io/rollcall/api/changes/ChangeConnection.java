package io.rollcall.api.changes;

import java.util.List;

/**
 * GraphQL {@code ChangeConnection}: a page of the change log. {@code pageInfo.endCursor}
 * is where the page stopped reading the log, which is past its last edge when the filters
 * skipped entries after it; continuing from it reads nothing twice and skips nothing.
 */
record ChangeConnection(List<Edge> edges, PageInfo pageInfo) {

	record Edge(String cursor, LoggedChange node) {
	}

	/**
	 * @param hasNextPage whether the log went on after where the page stopped
	 * @param endCursor where the page stopped: the {@code after} of the next page;
	 * {@code null} only when the log holds nothing yet
	 */
	record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
