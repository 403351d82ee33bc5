package io.rollcall.schema.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a rep did. Each type names the optional event fields it cannot do without, so the
 * contract is checked in one place for the REST API, GraphQL and backfill alike.
 */
public enum EventType {

	LESSON_STARTED(EventField.LESSON_ID), VIDEO_PROGRESS(EventField.LESSON_ID, EventField.SEGMENT),
	QUIZ_ANSWERED(EventField.LESSON_ID, EventField.QUESTION_ID, EventField.CORRECT),
	LESSON_COMPLETED(EventField.LESSON_ID), SMS_SENT, SMS_DELIVERED, SMS_CLICKED;

	private final Set<EventField> requiredFields;

	EventType(EventField... requiredFields) {
		this.requiredFields = requiredFields.length == 0 ? EnumSet.noneOf(EventField.class)
				: EnumSet.of(requiredFields[0], requiredFields);
	}

	/** The optional fields an event of this type must carry. */
	public Set<EventField> requiredFields() {
		return requiredFields;
	}

}
