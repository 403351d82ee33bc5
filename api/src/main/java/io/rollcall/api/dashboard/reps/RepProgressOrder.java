package io.rollcall.api.dashboard;

/** GraphQL {@code RepProgressOrder}. */
record RepProgressOrder(Field field, Direction direction) {

	static final RepProgressOrder DEFAULT = new RepProgressOrder(Field.CONTACT_ID, Direction.ASC);

	/** The name cursors carry, e.g. {@code LESSONS_COMPLETED:DESC}. */
	String key() {
		return field + ":" + direction;
	}

	enum Field {

		CONTACT_ID, LESSONS_COMPLETED, LAST_ACTIVITY_AT, QUIZ_ACCURACY

	}

	enum Direction {

		ASC, DESC

	}

}
