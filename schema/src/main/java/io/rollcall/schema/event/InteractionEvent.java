package io.rollcall.schema.event;

import io.rollcall.schema.json.Identifier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * One interaction of a rep, as clients send it (JSON, camelCase). The tenant is
 * deliberately absent: it always comes from the caller's token, never from the payload.
 *
 * <p>
 * {@code eventId} is the idempotency key within a tenant; {@code revision} orders
 * corrections of the same event (the highest wins, whatever the arrival order).
 */
public record InteractionEvent(@NotNull @Identifier String eventId, @NotNull @Identifier String contactId,
		@NotNull @Identifier String programId, @Identifier String lessonId, @NotNull EventType type,
		@NotNull Instant occurredAt, @PositiveOrZero @Max(MAX_SEGMENT) Integer segment, @Identifier String questionId,
		Boolean correct, @DecimalMin("0") @DecimalMax("100") Double score, @PositiveOrZero Long revision,
		@Size(max = MAX_ATTRIBUTES) Map<String, Object> attributes) {

	/**
	 * Video segments are 15 seconds long; 10,000 segments is a video of more than 41
	 * hours.
	 */
	public static final int MAX_SEGMENT = 10_000;

	/**
	 * Free-form attributes are stored as one flattened field; a cap keeps documents
	 * small.
	 */
	public static final int MAX_ATTRIBUTES = 32;

	/** The revision of an event sent without one: any explicit correction outranks it. */
	public static final long INITIAL_REVISION = 0;

	public InteractionEvent {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	/** The revision, defaulted, as used for external versioning in Elasticsearch. */
	public long effectiveRevision() {
		return revision == null ? INITIAL_REVISION : revision;
	}
}
