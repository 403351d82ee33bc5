package io.rollcall.schema.program;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Elasticsearch document of a catalog entry (see
 * {@code elasticsearch/programs-template.json}). {@code lesson_ids} keeps the curriculum
 * order in {@code _source}.
 */
public final class ProgramDocument {

	public static final String TENANT_ID = "tenant_id";

	public static final String PROGRAM_ID = "program_id";

	public static final String NAME = "name";

	public static final String LESSON_IDS = "lesson_ids";

	public static final String DUE_DATE = "due_date";

	public static final String UPDATED_AT = "updated_at";

	private ProgramDocument() {
	}

	public static String id(String tenantId, String programId) {
		return tenantId + "/" + programId;
	}

	public static Map<String, Object> source(String tenantId, Program program, Instant updatedAt) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put(TENANT_ID, tenantId);
		source.put(PROGRAM_ID, program.programId());
		if (program.name() != null) {
			source.put(NAME, program.name());
		}
		source.put(LESSON_IDS, program.lessonIds());
		if (program.dueDate() != null) {
			source.put(DUE_DATE, program.dueDate().toString());
		}
		source.put(UPDATED_AT, updatedAt.toString());
		return source;
	}

}
