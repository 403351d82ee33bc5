package io.rollcall.api.persisted;

import io.rollcall.api.cost.RegisteredDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trusted clients' manifests, read at start-up (an unreadable manifest stops the api:
 * its client could run nothing). Each operation is registered then, so its parse, shape
 * and price are computed once ({@link RegisteredDocuments}); one that does not parse or
 * validate against the schema is logged and stays in the manifest, where it fails like
 * any invalid document when it is sent.
 */
final class TrustedDocuments {

	private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);

	private final Map<String, TrustedManifest> manifests;

	TrustedDocuments(Map<String, TrustedManifest> manifests) {
		this.manifests = Map.copyOf(manifests);
	}

	static TrustedDocuments load(Map<String, Resource> locations, JsonMapper json, RegisteredDocuments registered) {
		Map<String, TrustedManifest> manifests = new HashMap<>();
		locations.forEach((clientId, location) -> {
			TrustedManifest manifest = read(clientId, location, json);
			for (String document : manifest.documents()) {
				List<String> problems = registered.register(document);
				if (!problems.isEmpty()) {
					log.warn("An operation of the manifest of client {} ({}) cannot run: {}", clientId, location,
							problems);
				}
			}
			manifests.put(clientId, manifest);
		});
		return new TrustedDocuments(manifests);
	}

	private static TrustedManifest read(String clientId, Resource location, JsonMapper json) {
		try (InputStream in = location.getInputStream()) {
			return TrustedManifest.read(json.readTree(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the manifest of client " + clientId + " at " + location, e);
		}
		catch (JacksonException | IllegalArgumentException e) {
			throw new IllegalStateException(
					"The manifest of client " + clientId + " at " + location + " is not valid: " + e.getMessage(), e);
		}
	}

	/** The manifest of {@code clientId}, when it is a trusted-documents client. */
	Optional<TrustedManifest> of(String clientId) {
		return Optional.ofNullable(manifests.get(clientId));
	}

}
