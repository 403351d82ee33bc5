package io.rollcall.api.dashboard;

import java.util.List;

/** GraphQL {@code RepProgressConnection}: a Relay connection with an exact total. */
record Connection(List<Edge> edges, PageInfo pageInfo, long totalCount) {

	record Edge(RepProgressNode node, String cursor) {
	}

	record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
