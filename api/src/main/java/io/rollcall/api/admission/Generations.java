package io.rollcall.api.admission;

import io.rollcall.schema.stream.GenerationFields;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenant's cache generations as one request read them, in one command, before anything
 * it runs reads Elasticsearch (see {@link GenerationFields} for what each field stands
 * for). A field never written is 0.
 */
public record Generations(Map<String, Long> values) {

	public Generations {
		values = Map.copyOf(values);
	}

	/**
	 * The generations of a Redis hash's fields and values (values that are not numbers
	 * are left out).
	 */
	public static Generations parse(Map<String, String> hash) {
		Map<String, Long> values = new HashMap<>();
		hash.forEach((field, value) -> {
			try {
				values.put(field, Long.parseLong(value));
			}
			catch (NumberFormatException e) {
				// Not a generation: no answer may be keyed by it.
			}
		});
		return new Generations(values);
	}

	/** The generation of {@code field}, 0 when it was never bumped. */
	public long of(String field) {
		return values.getOrDefault(field, 0L);
	}

}
