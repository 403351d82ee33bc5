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

	private static final int MAX_LENGTH = 128;

	private Identifiers() {
	}

	/** Whether {@code id} matches {@link #PATTERN}, checked without a regex engine. */
	public static boolean isValid(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
