package io.rollcall.api.dashboard.reps;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;

/**
 * A rep of a page and its position in the page's order.
 *
 * @param rep the rep's rollup
 * @param sortValues what to pass back as {@code after} to continue after this row (see
 * {@link Cursors})
 */
public record RepRow(RepHit rep, List<FieldValue> sortValues) {

	public RepRow {
		sortValues = List.copyOf(sortValues);
	}

}
