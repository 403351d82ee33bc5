package io.rollcall.api.persisted;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;

/**
 * A request refused over its persisted document: not found, not allowed for the client, a
 * hash the document does not match, or a malformed {@code persistedQuery}.
 */
final class PersistedDocumentException extends RollcallException {

	PersistedDocumentException(ErrorCode code, String message) {
		super(code, message);
	}

	/**
	 * Apollo's message, which Apollo Client (and its kin) look for before sending the
	 * document with its hash.
	 */
	static PersistedDocumentException notFound() {
		return new PersistedDocumentException(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
	}

	static PersistedDocumentException notAllowed(String clientId) {
		return new PersistedDocumentException(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, "client " + clientId
				+ " runs only the documents registered for it, and this one is not (send its hash from the client's manifest)");
	}

	static PersistedDocumentException hashMismatch() {
		return new PersistedDocumentException(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
				"the document does not hash to extensions.persistedQuery.sha256Hash (SHA-256 of its UTF-8 text, hex)");
	}

	static PersistedDocumentException malformed(String problem) {
		return new PersistedDocumentException(ErrorCode.BAD_USER_INPUT, "extensions.persistedQuery " + problem);
	}

}
