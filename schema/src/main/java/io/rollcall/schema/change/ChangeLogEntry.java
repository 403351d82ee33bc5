package io.rollcall.schema.change;

import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Change} as a Redis stream entry of the tenant's change log
 * ({@code IngestKeys#changeLog}). The fields a reader filters on ({@code kind},
 * {@code contact}, {@code program}) are plain stream fields, so a subscriber that does
 * not want an entry never parses it; the kind's payload is JSON in {@code data}.
 */
public final class ChangeLogEntry {

	static final String KIND = "kind";

	static final String CONTACT = "contact";

	static final String PROGRAM = "program";

	static final String APPLIED_AT = "at";

	static final String DATA = "data";

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private ChangeLogEntry() {
	}

	/** The stream fields of {@code change}. */
	public static Map<String, String> fields(Change change) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(KIND, change.kind().name());
		fields.put(CONTACT, change.contactId());
		if (change.programId() != null) {
			fields.put(PROGRAM, change.programId());
		}
		fields.put(APPLIED_AT, Long.toString(change.appliedAt().toEpochMilli()));
		Object payload = switch (change.kind()) {
			case EVENT_APPLIED -> change.event();
			case PROGRESS_CHANGED -> change.progress();
			case COMPLIANCE_CHANGED -> change.compliance();
			case CONTACT_REMOVED -> null;
		};
		if (payload != null) {
			fields.put(DATA, JSON.writeValueAsString(payload));
		}
		return fields;
	}

	/** The kind of the entry with {@code fields}, without parsing its payload. */
	public static ChangeKind kind(Map<String, String> fields) {
		return ChangeKind.valueOf(fields.get(KIND));
	}

	/** The rep of the entry with {@code fields}. */
	public static String contactId(Map<String, String> fields) {
		return fields.get(CONTACT);
	}

	/** The program of the entry with {@code fields}; {@code null} for a removal. */
	public static String programId(Map<String, String> fields) {
		return fields.get(PROGRAM);
	}

	/** The change the entry with {@code fields} records. */
	public static Change change(Map<String, String> fields) {
		ChangeKind kind = kind(fields);
		Instant appliedAt = Instant.ofEpochMilli(Long.parseLong(fields.get(APPLIED_AT)));
		String data = fields.get(DATA);
		return new Change(kind, contactId(fields), programId(fields), appliedAt,
				kind == ChangeKind.EVENT_APPLIED ? JSON.readValue(data, InteractionEvent.class) : null,
				kind == ChangeKind.PROGRESS_CHANGED ? JSON.readValue(data, ProgressSnapshot.class) : null,
				kind == ChangeKind.COMPLIANCE_CHANGED ? JSON.readValue(data, ComplianceMove.class) : null);
	}

}
