package io.rollcall.api.dashboard.compliance;

import io.rollcall.api.search.SearchScope;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * GraphQL {@code Compliance}; {@code nonCompliantReps} is resolved separately (it takes
 * its own paging arguments), within {@code scope}.
 */
record ComplianceReport(String programId, List<String> requiredLessons, Instant dueBy, long compliant,
		long nonCompliant, long overdue, SearchScope scope) {

	/** What the report says, without the scope it was read in (for comparisons). */
	List<Object> counts() {
		return Arrays.asList(programId, requiredLessons, dueBy, compliant, nonCompliant, overdue);
	}

	/**
	 * Whether the report changes with the time of the request (it has a due date, so
	 * {@code overdue} turns on when it passes), not only with the tenant's data.
	 */
	boolean dependsOnClock() {
		return dueBy != null;
	}

}
