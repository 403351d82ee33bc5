package io.rollcall.api.dashboard.reps;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.cache.Dependency;
import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.dashboard.Filters;
import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.security.Scopes;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The per-rep progress table: every rep with an event in the program (in lists and
 * counts, only the caller's scope), a page at a time.
 */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class RepProgressService {

	/** The page size when neither {@code first} nor {@code last} is given. */
	static final int DEFAULT_PAGE = 50;

	private final RepPageQuery pages;

	private final DashboardReads reads;

	RepProgressService(RepPageQuery pages, DashboardReads reads) {
		this.pages = pages;
		this.reads = reads;
	}

	/** The most reps one {@code contactIds} argument names. */
	static final int MAX_CONTACT_IDS = 500;

	/**
	 * A page of the program's reps in {@code order}, then by contact id: the
	 * {@code first} after {@code after}, or the {@code last} before {@code before}
	 * (Relay's backward pagination, in every order); 50 when the size is not given. With
	 * {@code contactIds}, of those reps only (a CRM reading a few reps' progress by id).
	 */
	public Connection repProgress(String programId, String teamId, Integer first, String after, Integer last,
			String before, RepProgressOrder order, List<String> contactIds) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		List<String> reps = Arguments.optionalIds("contactIds", contactIds, MAX_CONTACT_IDS);
		boolean backward = last != null || before != null;
		if (backward && (first != null || after != null)) {
			throw new InvalidArgumentException(first != null ? "first" : "after",
					"cannot be combined with last or before: page one way at a time");
		}
		int size = backward ? Arguments.last(last == null ? DEFAULT_PAGE : last)
				: Arguments.first(first == null ? DEFAULT_PAGE : first);
		String cursor = backward ? before : after;
		RepProgressOrder effective = order == null ? RepProgressOrder.DEFAULT : order;
		List<FieldValue> from = Cursors.decode(effective.key(), cursor, backward ? "before" : "after");
		// Contact id order is ascending whatever the direction: it only breaks ties.
		if (effective.sort() == RepSort.CONTACT_ID && effective.descending()) {
			throw new InvalidArgumentException("orderBy", "CONTACT_ID supports ASC only");
		}
		Query filter = reps == null ? Filters.rollupsOf(programId) : Filters.rollupsOf(programId, reps);
		return reads.cached("repProgress", Dependency.program(programId), teamId,
				DashboardCache.arguments(programId, teamId, size, cursor, backward, effective, reps),
				scope -> Connection.of(
						pages.page(scope, filter, effective.sort(), effective.descending(), size, from, backward),
						effective.key(), scope));
	}

}
