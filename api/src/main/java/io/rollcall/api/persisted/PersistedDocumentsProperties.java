package io.rollcall.api.persisted;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Persisted and trusted documents.
 *
 * @param automatic Apollo's automatic persisted queries, for every client
 * @param trustedClients OAuth client id to the location of its manifest
 * ({@code classpath:...}, {@code file:...}), in the format of Apollo's
 * {@code persisted-query-manifest} or Relay's {@code persisted_queries.json}: such a
 * client runs only the operations of its manifest, anything else is
 * {@code PERSISTED_QUERY_NOT_ALLOWED}; none by default. A client id with dots is written
 * in brackets ({@code "[partner.app]"}).
 */
@Validated
@ConfigurationProperties("rollcall.persisted-documents")
record PersistedDocumentsProperties(@DefaultValue @Valid @NotNull Automatic automatic,
		@DefaultValue Map<String, @NotNull Resource> trustedClients) {

	/**
	 * The registry of automatic persisted queries, in Redis (shared by the api's
	 * replicas, under {@code rollcall.redis.key-prefix}). A hash unknown there is
	 * {@code PERSISTED_QUERY_NOT_FOUND}, and the client sends it again with its document,
	 * which is then registered once it has run; so an entry lost to a bound or to Redis
	 * costs one round trip more, never an answer.
	 *
	 * @param maxEntries the most documents kept; past it the least recently used go
	 * @param ttl how long a document unused is kept
	 * @param maxDocumentSize the largest document registered (UTF-8); a larger one still
	 * runs when sent whole, it is only not kept. Dashboards' documents are a few KB; the
	 * bound times {@code maxEntries} bounds the registry's memory (100 MB by default)
	 */
	record Automatic(@DefaultValue("5000") @Positive int maxEntries, @DefaultValue("7d") Duration ttl,
			@DefaultValue("20KB") DataSize maxDocumentSize) {
	}

}
