package io.rollcall.schema.event;

import io.rollcall.schema.json.BatchDecoder;
import io.rollcall.schema.json.ItemRule;
import io.rollcall.schema.json.ItemRule.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interaction-event contract in one place: field annotations on
 * {@link InteractionEvent}, plus the rules that span fields or depend on the clock. Used
 * by every way events enter Rollcall.
 */
public final class EventContract {

	/**
	 * Events dated before this are certainly a client bug (epoch zero, a unit mix-up...).
	 */
	public static final Instant EARLIEST_OCCURRED_AT = Instant.parse("2000-01-01T00:00:00Z");

	/** Clock skew tolerated between a client and Rollcall for {@code occurredAt}. */
	public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

	private EventContract() {
	}

	/** A decoder that applies the whole contract, with {@code clock} as "now". */
	public static BatchDecoder<InteractionEvent> decoder(Validator validator, Clock clock) {
		return new BatchDecoder<>(InteractionEvent.class, "eventId", InteractionEvent::eventId, validator,
				rules(clock));
	}

	static List<FieldProblem> typeSpecificFields(InteractionEvent event) {
		if (event.type() == null) {
			return List.of();
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (EventField field : event.type().requiredFields()) {
			if (!field.isPresentIn(event)) {
				problems.add(new FieldProblem(field.wireName(), "is required for type " + event.type()));
			}
		}
		return problems;
	}

	static List<FieldProblem> occurredAtBounds(InteractionEvent event, Clock clock) {
		Instant occurredAt = event.occurredAt();
		if (occurredAt == null) {
			return List.of();
		}
		if (occurredAt.isBefore(EARLIEST_OCCURRED_AT)) {
			return List.of(new FieldProblem("occurredAt", "must not be before " + EARLIEST_OCCURRED_AT));
		}
		if (occurredAt.isAfter(clock.instant().plus(MAX_FUTURE_SKEW))) {
			return List.of(new FieldProblem("occurredAt",
					"must not be more than " + MAX_FUTURE_SKEW.toMinutes() + " minutes in the future"));
		}
		return List.of();
	}

	private static List<ItemRule<InteractionEvent>> rules(Clock clock) {
		return List.of(EventContract::typeSpecificFields, event -> occurredAtBounds(event, clock));
	}

}
