package io.rollcall.api.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Apollo's persisted-query extension of a request, {@code "extensions":
 * {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}}: the document named by the
 * SHA-256 of its UTF-8 text.
 *
 * @param sha256Hash the hash, lower-case hex
 * @see <a href=
 * "https://github.com/apollographql/apollo-link-persisted-queries#protocol">Apollo's
 * persisted-query protocol</a>
 */
record PersistedQuery(String sha256Hash) {

	private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

	/**
	 * The extension of a request, if it has one.
	 * @throws PersistedDocumentException {@code BAD_USER_INPUT} when it is not version 1
	 * with a SHA-256 hash
	 */
	static Optional<PersistedQuery> of(Map<String, Object> extensions) {
		Object value = extensions == null ? null : extensions.get("persistedQuery");
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof Map<?, ?> persistedQuery)) {
			throw PersistedDocumentException.malformed("is not an object");
		}
		if (!(persistedQuery.get("version") instanceof Number version) || version.intValue() != 1) {
			throw PersistedDocumentException.malformed("has an unsupported version (1 is)");
		}
		if (!(persistedQuery.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
			throw PersistedDocumentException.malformed("has no sha256Hash of 64 hex digits");
		}
		return Optional.of(new PersistedQuery(hash.toLowerCase(Locale.ROOT)));
	}

	/** Whether {@code document} is the document this hash names. */
	boolean names(String document) {
		return sha256Hash.equals(sha256(document));
	}

	/** The SHA-256 of {@code document}'s UTF-8 text, lower-case hex. */
	static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

}
