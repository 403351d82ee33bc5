package io.rollcall.api.dashboard.reps;

import io.rollcall.api.search.SearchScope;
import java.util.List;

/** GraphQL {@code RepProgressConnection}: a Relay connection with an exact total. */
public record Connection(List<Edge> edges, PageInfo pageInfo, long totalCount) {

	/** No reps, no further page. */
	public static final Connection EMPTY = new Connection(List.of(), new PageInfo(false, false, null, null), 0);

	/**
	 * {@code page} as a connection whose cursors belong to {@code order}; its nodes keep
	 * {@code scope} for their contact join.
	 */
	public static Connection of(RepPage page, String order, SearchScope scope) {
		List<Edge> edges = page.rows()
			.stream()
			.map(row -> new Edge(RepProgressNode.of(row.rep(), scope), Cursors.encode(order, row.sortValues())))
			.toList();
		String start = edges.isEmpty() ? null : edges.getFirst().cursor();
		String end = edges.isEmpty() ? null : edges.getLast().cursor();
		return new Connection(edges, new PageInfo(page.hasNext(), page.hasPrevious(), start, end), page.total());
	}

	public record Edge(RepProgressNode node, String cursor) {
	}

	/**
	 * Relay's {@code PageInfo}: both flags are exact, whichever way the page was asked
	 * for.
	 */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
