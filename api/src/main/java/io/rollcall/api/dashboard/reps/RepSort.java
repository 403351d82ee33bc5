package io.rollcall.api.dashboard.reps;

import io.rollcall.schema.index.ProgressDocument;

/**
 * Orders of the progress rollups. Every order ends with {@code contact_id} ascending, so
 * it is total and {@code search_after} visits every rep exactly once.
 */
public enum RepSort {

	CONTACT_ID(null), LESSONS_COMPLETED(ProgressDocument.LESSONS_COMPLETED_COUNT),
	LAST_ACTIVITY_AT(ProgressDocument.LAST_ACTIVITY_AT),
	/** Reps without answers sort as accuracy -1: below every real accuracy. */
	QUIZ_ACCURACY(ProgressDocument.QUIZ_ACCURACY), EVENT_COUNT(ProgressDocument.EVENT_COUNT);

	/** The sort value of a missing {@code quiz_accuracy} (no answers). */
	static final double NO_ACCURACY = -1;

	private final String field;

	RepSort(String field) {
		this.field = field;
	}

	/** The rollup field sorted on before the contact id; {@code null} for CONTACT_ID. */
	String field() {
		return field;
	}

}
