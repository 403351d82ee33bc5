package io.rollcall.api.changes;

import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeKind;
import io.rollcall.schema.change.ComplianceMove;
import io.rollcall.schema.change.ProgressSnapshot;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;

/**
 * GraphQL {@code Change}: a change of the log with its cursor. By kind one of
 * {@code event}, {@code progress} and {@code compliance} is set (none for a removal).
 */
record LoggedChange(String cursor, ChangeKind kind, Instant appliedAt, String contactId, String programId,
		StoredEvent event, ProgressSnapshot progress, ComplianceMove compliance) {

	static LoggedChange of(String cursor, Change change) {
		return new LoggedChange(cursor, change.kind(), change.appliedAt(), change.contactId(), change.programId(),
				change.event() == null ? null : StoredEvent.of(change.event()), change.progress(), change.compliance());
	}

	/**
	 * GraphQL {@code InteractionEvent}: the event's fields as stored, the revision
	 * defaulted as Elasticsearch versions it. Plain fields, read without a data fetcher
	 * call of their own: every subscriber of every change reads them.
	 */
	record StoredEvent(String eventId, EventType type, String lessonId, Instant occurredAt, long revision,
			Integer segment, String questionId, Boolean correct, Double score) {

		static StoredEvent of(InteractionEvent event) {
			return new StoredEvent(event.eventId(), event.type(), event.lessonId(), event.occurredAt(),
					event.effectiveRevision(), event.segment(), event.questionId(), event.correct(), event.score());
		}

	}

}
