package io.rollcall.api.persisted;

import java.util.Optional;

/**
 * The registry of automatic persisted queries: documents by the SHA-256 of their text.
 * One implementation, {@link RedisPersistedQueries}; an interface so that the
 * interceptor's decisions are tested without Redis.
 */
interface PersistedQueries {

	/** The document registered under {@code hash}, if any. */
	Optional<String> lookup(String hash);

	/** Registers {@code document} under {@code hash}, its SHA-256. */
	void register(String hash, String document);

}
