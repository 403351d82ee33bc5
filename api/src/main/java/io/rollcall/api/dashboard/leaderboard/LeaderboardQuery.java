package io.rollcall.api.dashboard.leaderboard;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.dashboard.reps.RepPageQuery;
import io.rollcall.api.dashboard.reps.RepRow;
import io.rollcall.api.dashboard.reps.RepSort;
import io.rollcall.api.search.SearchScope;
import io.rollcall.schema.index.ProgressDocument;
import java.util.List;
import org.springframework.stereotype.Component;

/** The leaders of a program: the first page of its rollups by a metric, highest first. */
@Component
class LeaderboardQuery {

	private final RepPageQuery pages;

	LeaderboardQuery(RepPageQuery pages) {
		this.pages = pages;
	}

	/**
	 * The top {@code size} reps of a program by {@code metric}, ties by contact id; by
	 * quiz accuracy, only reps with at least one answer.
	 */
	List<RepRow> leaders(SearchScope scope, String programId, LeaderboardMetric metric, int size) {
		RepSort sort = switch (metric) {
			case LESSONS_COMPLETED -> RepSort.LESSONS_COMPLETED;
			case QUIZ_ACCURACY -> RepSort.QUIZ_ACCURACY;
			case ACTIVITY -> RepSort.EVENT_COUNT;
		};
		Query filter = metric != LeaderboardMetric.QUIZ_ACCURACY ? Filters.rollupsOf(programId)
				: Query.of(q -> q.bool(b -> b.filter(Filters.rollupsOf(programId))
					.filter(f -> f.range(r -> r.number(n -> n.field(ProgressDocument.QUIZ_ANSWERED).gt(0.0))))));
		return pages.page(scope, filter, sort, true, size, null).rows();
	}

}
