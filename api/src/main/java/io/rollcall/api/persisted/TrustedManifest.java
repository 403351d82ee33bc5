package io.rollcall.api.persisted;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The operations one OAuth client may run, read from a manifest as the client's build
 * generates it:
 * <ul>
 * <li>Apollo's {@code persisted-query-manifest.json}
 * ({@code @apollo/generate-persisted-query-manifest}): {@code {"format":
 * "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type",
 * "body"}]}};</li>
 * <li>Relay's {@code persisted_queries.json} ({@code relay-compiler} with
 * {@code persistConfig.file}): {@code {"<id>": "<document>", ...}}.</li>
 * </ul>
 * An operation is found by the manifest's id or by the SHA-256 of its document (Apollo's
 * ids are that hash; so are Relay's with {@code "algorithm": "SHA256"}), so a client
 * sends {@code extensions.persistedQuery.sha256Hash} with either, or the document itself.
 */
final class TrustedManifest {

	static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

	private final Map<String, String> documents;

	private TrustedManifest(Map<String, String> documents) {
		this.documents = Map.copyOf(documents);
	}

	/**
	 * Reads a manifest in either format.
	 * @throws IllegalArgumentException when it is neither
	 */
	static TrustedManifest read(JsonNode manifest) {
		Map<String, String> byId = new HashMap<>();
		if (manifest.has("operations") || manifest.has("format")) {
			if (!APOLLO_FORMAT.equals(manifest.path("format").asString()) || manifest.path("version").asInt() != 1) {
				throw new IllegalArgumentException("not version 1 of " + APOLLO_FORMAT);
			}
			for (JsonNode operation : manifest.path("operations")) {
				byId.put(text(operation.path("id"), "an operation's id"), text(operation.path("body"), "its body"));
			}
		}
		else if (manifest.isObject()) {
			for (Map.Entry<String, JsonNode> operation : manifest.properties()) {
				byId.put(operation.getKey(), text(operation.getValue(), "the document of " + operation.getKey()));
			}
		}
		else {
			throw new IllegalArgumentException("neither an Apollo nor a Relay manifest");
		}
		Map<String, String> documents = new HashMap<>(byId);
		byId.values().forEach(document -> documents.put(PersistedQuery.sha256(document), document));
		return new TrustedManifest(documents);
	}

	private static String text(JsonNode node, String what) {
		if (!node.isString() || node.asString().isBlank()) {
			throw new IllegalArgumentException(what + " is not a string");
		}
		return node.asString();
	}

	/** The document of the operation {@code idOrHash} names. */
	Optional<String> document(String idOrHash) {
		return Optional.ofNullable(documents.get(idOrHash));
	}

	/** Whether {@code document} is one of the manifest's operations, as written there. */
	boolean contains(String document) {
		return documents.containsKey(PersistedQuery.sha256(document));
	}

	/** Every distinct document of the manifest. */
	Iterable<String> documents() {
		return documents.values().stream().distinct().toList();
	}

}
