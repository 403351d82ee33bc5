package io.rollcall.schema.event;

/**
 * Optional event fields that some {@link EventType}s require; the wire name is what
 * errors report.
 */
public enum EventField {

	LESSON_ID("lessonId"), SEGMENT("segment"), QUESTION_ID("questionId"), CORRECT("correct");

	private final String wireName;

	EventField(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return wireName;
	}

	boolean isPresentIn(InteractionEvent event) {
		return switch (this) {
			case LESSON_ID -> event.lessonId() != null;
			case SEGMENT -> event.segment() != null;
			case QUESTION_ID -> event.questionId() != null;
			case CORRECT -> event.correct() != null;
		};
	}

}
