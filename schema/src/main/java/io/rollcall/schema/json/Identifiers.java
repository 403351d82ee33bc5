package io.rollcall.schema.json;

/**
 * The one shape of every identifier Rollcall accepts (event, contact, program, lesson,
 * team...).
 */
public final class Identifiers {

	/**
	 * Letters, digits and {@code . _ : -}, 1 to 128 characters: safe in document ids and
	 * Redis keys.
	 */
	public static final String PATTERN = "^[A-Za-z0-9._:-]{1,128}$";

	public static final String MESSAGE = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'";

	private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

	private Identifiers() {
	}

	public static boolean isValid(String id) {
		return id != null && COMPILED.matcher(id).matches();
	}

}
