package io.rollcall.api.dashboard.reps;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.schema.json.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the sort values of a row (its position in a total order that ends
 * with the contact id) plus the order they belong to, base64url-encoded. Continuing with
 * {@code search_after} from those values visits every rep exactly once and stays stable
 * while other reps change: no server-side state, nothing to expire. A cursor is only
 * valid with the order it was issued for; anything else is {@code BAD_USER_INPUT} on
 * {@code after}.
 */
public final class Cursors {

	private static final String VERSION = "1";

	private static final char SEPARATOR = '|';

	private Cursors() {
	}

	/** {@code order} names the sort (e.g. {@code LESSONS_COMPLETED:DESC}). */
	static String encode(String order, List<FieldValue> sortValues) {
		StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(order);
		for (FieldValue value : sortValues) {
			text.append(SEPARATOR);
			switch (value._kind()) {
				case Long -> text.append('l').append(value.longValue());
				case Double -> text.append('d').append(value.doubleValue());
				// Contact ids cannot contain the separator (see Identifiers.PATTERN).
				case String -> text.append('s').append(value.stringValue());
				default -> throw new IllegalArgumentException("unexpected sort value " + value);
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The sort values of {@code cursor}, or {@code null} for no cursor (the first page).
	 * @throws InvalidArgumentException naming {@code after} when it is not a cursor of
	 * {@code order}
	 */
	public static List<FieldValue> decode(String order, String cursor) {
		return decode(order, cursor, "after");
	}

	/**
	 * As {@link #decode(String, String)}, for the cursor argument {@code argument}
	 * ({@code after} or {@code before}).
	 */
	static List<FieldValue> decode(String order, String cursor, String argument) {
		if (cursor == null) {
			return null;
		}
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw malformed(argument);
		}
		String[] parts = text.split("\\" + SEPARATOR, -1);
		if (parts.length < 3 || !VERSION.equals(parts[0])) {
			throw malformed(argument);
		}
		if (!order.equals(parts[1])) {
			throw new InvalidArgumentException(argument, "was issued for another orderBy");
		}
		List<FieldValue> values = new ArrayList<>();
		for (int i = 2; i < parts.length; i++) {
			values.add(value(parts[i], argument));
		}
		if (!values.getLast().isString()) {
			throw malformed(argument); // every order ends with the contact id
		}
		return values;
	}

	private static FieldValue value(String part, String argument) {
		if (part.isEmpty()) {
			throw malformed(argument);
		}
		String raw = part.substring(1);
		try {
			return switch (part.charAt(0)) {
				case 'l' -> FieldValue.of(Long.parseLong(raw));
				case 'd' -> {
					double number = Double.parseDouble(raw);
					if (!Double.isFinite(number)) {
						throw malformed(argument);
					}
					yield FieldValue.of(number);
				}
				case 's' -> {
					if (!Identifiers.isValid(raw)) {
						throw malformed(argument);
					}
					yield FieldValue.of(raw);
				}
				default -> throw malformed(argument);
			};
		}
		catch (NumberFormatException e) {
			throw malformed(argument);
		}
	}

	private static InvalidArgumentException malformed(String argument) {
		return new InvalidArgumentException(argument, "is not a cursor of this query");
	}

}
