package io.rollcall.api.dashboard;

import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.schema.json.Identifiers;
import java.util.List;

/** Checks of query arguments; each failure names the argument. */
public final class Arguments {

	/**
	 * The most rows one page or leaderboard returns: a page of 500 reps with their
	 * contacts is already a ~150 KB response; larger tables page.
	 */
	static final int MAX_FIRST = 500;

	private Arguments() {
	}

	public static String id(String argument, String value) {
		if (!Identifiers.isValid(value)) {
			throw new InvalidArgumentException(argument, Identifiers.MESSAGE);
		}
		return value;
	}

	/** A valid id, or {@code null} when the argument was left out. */
	public static String optionalId(String argument, String value) {
		return value == null ? null : id(argument, value);
	}

	/**
	 * Valid ids, at most {@code max} of them; {@code null} when the argument was left
	 * out.
	 */
	public static List<String> optionalIds(String argument, List<String> values, int max) {
		if (values == null) {
			return null;
		}
		if (values.size() > max) {
			throw new InvalidArgumentException(argument, "may name at most " + max + " ids");
		}
		values.forEach(value -> id(argument, value));
		return List.copyOf(values);
	}

	public static int first(Integer value) {
		return pageSize("first", value);
	}

	/** {@code last} of a backward page: 1 to 500, like {@code first}. */
	public static int last(Integer value) {
		return pageSize("last", value);
	}

	private static int pageSize(String argument, Integer value) {
		if (value == null || value < 1 || value > MAX_FIRST) {
			throw new InvalidArgumentException(argument, "must be between 1 and " + MAX_FIRST);
		}
		return value;
	}

}
