package io.rollcall.api.cost;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.Map;

/**
 * A GraphQL document refused before it ran, by a shape limit or by its cost;
 * {@code details} say which limit and by how much.
 */
final class DocumentRejectedException extends RollcallException {

	private final Map<String, Object> details;

	DocumentRejectedException(ErrorCode code, String message, Map<String, Object> details) {
		super(code, message);
		this.details = Map.copyOf(details);
	}

	@Override
	public Map<String, Object> details() {
		return details;
	}

}
