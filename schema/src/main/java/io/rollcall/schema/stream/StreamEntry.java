package io.rollcall.schema.stream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the ingest stream: one accepted request (or a slice of one) for one
 * tenant.
 *
 * @param kind what {@code body} holds
 * @param tenantId the tenant, taken from the caller's token by the api
 * @param ticket set when the caller waits until the write is visible; echoed on the
 * applied channel
 * @param acceptedAt when the api accepted the write: the start of the freshness clock
 * @param body the JSON array of items, exactly as validated by the api
 */
public record StreamEntry(EntryKind kind, String tenantId, String ticket, Instant acceptedAt, String body) {

	private static final String KIND = "kind";

	private static final String TENANT = "tenant";

	private static final String TICKET = "ticket";

	private static final String ACCEPTED_AT = "accepted_at";

	private static final String BODY = "body";

	public Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(KIND, kind.name());
		fields.put(TENANT, tenantId);
		if (ticket != null) {
			fields.put(TICKET, ticket);
		}
		fields.put(ACCEPTED_AT, Long.toString(acceptedAt.toEpochMilli()));
		fields.put(BODY, body);
		return fields;
	}

	/**
	 * Reads an entry back; throws {@link IllegalArgumentException} naming the field when
	 * one is missing or unreadable (such an entry is dead-lettered, never retried).
	 */
	public static StreamEntry fromFields(Map<String, String> fields) {
		return new StreamEntry(EntryKind.valueOf(required(fields, KIND)), required(fields, TENANT), fields.get(TICKET),
				Instant.ofEpochMilli(Long.parseLong(required(fields, ACCEPTED_AT))), required(fields, BODY));
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException("stream entry has no '" + name + "' field");
		}
		return value;
	}
}
