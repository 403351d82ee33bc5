package io.rollcall.api.search;

/**
 * Orders of the progress rollups. Every order ends with {@code contact_id} ascending, so
 * it is total and {@code search_after} visits every rep exactly once.
 */
public enum RepSort {

	CONTACT_ID(null), LESSONS_COMPLETED("lessons_completed_count"), LAST_ACTIVITY_AT("last_activity_at"),
	/** Reps without answers sort as accuracy -1: below every real accuracy. */
	QUIZ_ACCURACY("quiz_accuracy"), EVENT_COUNT("event_count");

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
