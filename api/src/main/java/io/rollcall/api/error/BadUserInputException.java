package io.rollcall.api.error;

import io.rollcall.schema.json.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request breaks the contract; {@code violations} name the item (index and id,
 * reported under {@code idField}, e.g. {@code eventId}), the field and what is wrong.
 */
public final class BadUserInputException extends RollcallException {

	private final List<Violation> violations;

	private final String idField;

	public BadUserInputException(String message) {
		this(message, List.of(), "id");
	}

	public BadUserInputException(String message, List<Violation> violations, String idField) {
		super(ErrorCode.BAD_USER_INPUT, message);
		this.violations = List.copyOf(violations);
		this.idField = idField;
	}

	public List<Violation> violations() {
		return violations;
	}

	@Override
	public Map<String, Object> details() {
		if (violations.isEmpty()) {
			return Map.of();
		}
		return Map.of("violations", violations.stream().map(this::describe).toList());
	}

	private Map<String, Object> describe(Violation violation) {
		// Explicit nulls: clients can rely on every key being present.
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("index", violation.index());
		entry.put(idField, violation.itemId());
		entry.put("field", violation.field());
		entry.put("message", violation.message());
		return entry;
	}

}
