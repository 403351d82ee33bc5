package io.rollcall.schema.json;

import java.util.List;

/**
 * A decoded batch: the items that passed every rule and the violations of those that did
 * not. Callers apply the batch only when {@link #isValid()}: Rollcall accepts a batch
 * whole or not at all.
 */
public record DecodedBatch<T>(List<T> items, List<Violation> violations) {

	public DecodedBatch {
		items = List.copyOf(items);
		violations = List.copyOf(violations);
	}

	public boolean isValid() {
		return violations.isEmpty();
	}
}
