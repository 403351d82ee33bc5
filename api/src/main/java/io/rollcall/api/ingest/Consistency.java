package io.rollcall.api.ingest;

import io.rollcall.api.error.BadUserInputException;
import java.util.Locale;

/** How long a write waits: until it is durably accepted, or until queries see it. */
enum Consistency {

	ACCEPTED, VISIBLE;

	/**
	 * Parses the REST query parameter ({@code accepted} or {@code visible}, any case).
	 */
	static Consistency parse(String value) {
		try {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadUserInputException("consistency must be 'accepted' or 'visible'");
		}
	}

}
