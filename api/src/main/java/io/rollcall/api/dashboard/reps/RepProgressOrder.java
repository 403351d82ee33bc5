package io.rollcall.api.dashboard.reps;

/** GraphQL {@code RepProgressOrder}. */
record RepProgressOrder(Field field, Direction direction) {

	static final RepProgressOrder DEFAULT = new RepProgressOrder(Field.CONTACT_ID, Direction.ASC);

	/** The name cursors carry, e.g. {@code LESSONS_COMPLETED:DESC}. */
	String key() {
		return field + ":" + direction;
	}

	RepSort sort() {
		return switch (field) {
			case CONTACT_ID -> RepSort.CONTACT_ID;
			case LESSONS_COMPLETED -> RepSort.LESSONS_COMPLETED;
			case LAST_ACTIVITY_AT -> RepSort.LAST_ACTIVITY_AT;
			case QUIZ_ACCURACY -> RepSort.QUIZ_ACCURACY;
		};
	}

	boolean descending() {
		return direction == Direction.DESC;
	}

	enum Field {

		CONTACT_ID, LESSONS_COMPLETED, LAST_ACTIVITY_AT, QUIZ_ACCURACY

	}

	enum Direction {

		ASC, DESC

	}

}
