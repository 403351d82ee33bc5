package io.rollcall.indexer.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dead-lettered item (or a whole entry that could not be decoded).
 *
 * @param tenantId the tenant, or {@code "unknown"} when the entry was unreadable
 * @param entryId the id of the ingest stream entry it came from
 * @param kind the entry kind, or {@code "unknown"}
 * @param reason why it was refused (the Elasticsearch error type and reason, or the
 * decoding error)
 * @param item the original item JSON (or the whole entry body)
 */
public record DeadLetter(String tenantId, String entryId, String kind, String reason, String item) {

	public static final String UNKNOWN = "unknown";

	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("tenant", tenantId);
		fields.put("entry_id", entryId);
		fields.put("kind", kind);
		fields.put("reason", reason);
		fields.put("item", item == null ? "" : item);
		return fields;
	}
}
