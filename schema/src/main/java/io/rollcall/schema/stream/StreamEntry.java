package io.rollcall.schema.stream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the ingest stream: one accepted request (or a slice of one) for one
 * tenant.
 *
 * @param kind what {@code body} holds
 * @param tenantId the tenant, taken from the caller's token by the api
 * @param ticket set when the caller waits until the write is visible; echoed on the
 * applied channel
 * @param acceptedAt when the api accepted the write: the start of the freshness clock
 * @param items how many items {@code body} holds, declared by the writer so that a reader
 * can size its batches (and pay its rate caps) before it decodes anything; the body stays
 * the truth about what is applied
 * @param body the JSON array of items, exactly as validated by the api
 * @param traceparent the trace context of the request that wrote the entry (see
 * {@link TraceParent}), {@code null} when there was none; entries written before the
 * field existed have none
 */
public record StreamEntry(EntryKind kind, String tenantId, String ticket, Instant acceptedAt, int items, String body,
		String traceparent) {

	/**
	 * What an entry without the {@code items} field (written before the field existed)
	 * counts as: the most items the api ever put in one entry by default and the backfill
	 * loader's default chunk. Erring high keeps a reader sizing its batches by it from
	 * reading thousands of such entries at once.
	 */
	public static final int UNDECLARED_ITEMS = 1_000;

	private static final String KIND = "kind";

	private static final String TENANT = "tenant";

	private static final String TICKET = "ticket";

	private static final String ACCEPTED_AT = "accepted_at";

	private static final String ITEMS = "items";

	private static final String BODY = "body";

	private static final String TRACEPARENT = "traceparent";

	public Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(KIND, kind.name());
		fields.put(TENANT, tenantId);
		if (ticket != null) {
			fields.put(TICKET, ticket);
		}
		fields.put(ACCEPTED_AT, Long.toString(acceptedAt.toEpochMilli()));
		fields.put(ITEMS, Integer.toString(items));
		fields.put(BODY, body);
		if (traceparent != null) {
			fields.put(TRACEPARENT, traceparent);
		}
		return fields;
	}

	/**
	 * Reads an entry back; throws {@link IllegalArgumentException} naming the field when
	 * one is missing or unreadable (such an entry is dead-lettered, never retried).
	 */
	public static StreamEntry fromFields(Map<String, String> fields) {
		return new StreamEntry(EntryKind.valueOf(required(fields, KIND)), required(fields, TENANT), fields.get(TICKET),
				Instant.ofEpochMilli(Long.parseLong(required(fields, ACCEPTED_AT))), declaredItems(fields),
				required(fields, BODY), fields.get(TRACEPARENT));
	}

	/**
	 * The trace context an entry carries, read without decoding its body: empty when it
	 * has none or an invalid one.
	 */
	public static Optional<TraceParent> traceParent(Map<String, String> fields) {
		return TraceParent.parse(fields.get(TRACEPARENT));
	}

	/**
	 * The items an entry declares, read without decoding its body: at least one;
	 * {@link #UNDECLARED_ITEMS} when the field is missing or unreadable.
	 */
	public static int declaredItems(Map<String, String> fields) {
		String value = fields.get(ITEMS);
		if (value == null) {
			return UNDECLARED_ITEMS;
		}
		try {
			return Math.max(1, Integer.parseInt(value));
		}
		catch (NumberFormatException e) {
			return UNDECLARED_ITEMS;
		}
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException("stream entry has no '" + name + "' field");
		}
		return value;
	}
}
