package io.rollcall.schema.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Elasticsearch document of an event (snake_case, see
 * {@code elasticsearch/events-template.json}). Field names are constants so the indexer
 * and the api's query layer cannot drift apart.
 */
public final class EventDocument {

	public static final String EVENT_ID = "event_id";

	public static final String TENANT_ID = "tenant_id";

	public static final String CONTACT_ID = "contact_id";

	public static final String PROGRAM_ID = "program_id";

	public static final String LESSON_ID = "lesson_id";

	public static final String TYPE = "type";

	public static final String SEGMENT = "segment";

	public static final String QUESTION_ID = "question_id";

	public static final String CORRECT = "correct";

	public static final String SCORE = "score";

	public static final String OCCURRED_AT = "occurred_at";

	public static final String REVISION = "revision";

	public static final String ATTRIBUTES = "attributes";

	public static final String INGESTED_AT = "ingested_at";

	private EventDocument() {
	}

	/**
	 * The document id: unique per tenant and event, so a re-sent event overwrites itself.
	 */
	public static String id(String tenantId, String eventId) {
		return tenantId + "/" + eventId;
	}

	/**
	 * The document source; absent optional fields are left out rather than written as
	 * null.
	 */
	public static Map<String, Object> source(String tenantId, InteractionEvent event, Instant ingestedAt) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put(EVENT_ID, event.eventId());
		source.put(TENANT_ID, tenantId);
		source.put(CONTACT_ID, event.contactId());
		source.put(PROGRAM_ID, event.programId());
		putIfPresent(source, LESSON_ID, event.lessonId());
		source.put(TYPE, event.type().name());
		putIfPresent(source, SEGMENT, event.segment());
		putIfPresent(source, QUESTION_ID, event.questionId());
		putIfPresent(source, CORRECT, event.correct());
		putIfPresent(source, SCORE, event.score());
		source.put(OCCURRED_AT, event.occurredAt().toString());
		source.put(REVISION, event.effectiveRevision());
		if (!event.attributes().isEmpty()) {
			source.put(ATTRIBUTES, event.attributes());
		}
		source.put(INGESTED_AT, ingestedAt.toString());
		return source;
	}

	private static void putIfPresent(Map<String, Object> source, String field, Object value) {
		if (value != null) {
			source.put(field, value);
		}
	}

}
