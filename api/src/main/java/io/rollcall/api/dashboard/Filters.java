package io.rollcall.api.dashboard;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.index.ProgressDocument;
import java.util.List;

/** Query filters several dashboard queries start from. */
public final class Filters {

	private Filters() {
	}

	/** The progress rollups of a program: one per rep with an event in it. */
	public static Query rollupsOf(String programId) {
		return Query.of(q -> q.term(t -> t.field(ProgressDocument.PROGRAM_ID).value(programId)));
	}

	/** The progress rollups of a program's reps among {@code contactIds}. */
	public static Query rollupsOf(String programId, List<String> contactIds) {
		List<FieldValue> values = contactIds.stream().map(FieldValue::of).toList();
		return Query.of(q -> q.bool(b -> b.filter(rollupsOf(programId))
			.filter(f -> f.terms(t -> t.field(ProgressDocument.CONTACT_ID).terms(v -> v.value(values))))));
	}

	/** The events of a program. */
	public static Query eventsOf(String programId) {
		return Query.of(q -> q.term(t -> t.field(EventDocument.PROGRAM_ID).value(programId)));
	}

	/** The events of one type in a lesson of a program. */
	public static Query eventsOf(String programId, String lessonId, EventType type) {
		return Query.of(q -> q.bool(b -> b.filter(eventsOf(programId))
			.filter(f -> f.term(t -> t.field(EventDocument.LESSON_ID).value(lessonId)))
			.filter(f -> f.term(t -> t.field(EventDocument.TYPE).value(type.name())))));
	}

}
