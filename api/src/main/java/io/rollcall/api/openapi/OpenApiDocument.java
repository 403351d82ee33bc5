package io.rollcall.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the REST API, composed once at start-up from
 * {@code openapi/rollcall-v1.json}, written by hand next to the controllers it describes
 * (the tests check one against the other), and the contracts it shares with the rest of
 * Rollcall: each schema that names one in {@code x-rollcall-contract} is replaced by that
 * JSON Schema of {@code schema/} (the event and the contact), so the description cannot
 * drift from what the api validates. The token URL is the configured issuer's.
 */
@Component
class OpenApiDocument {

	static final String RESOURCE = "/openapi/rollcall-v1.json";

	static final String CONTRACT = "x-rollcall-contract";

	private final byte[] json;

	OpenApiDocument(JsonMapper mapper, OpenApiProperties properties) {
		ObjectNode document = (ObjectNode) read(mapper, RESOURCE);
		ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			if (schema.getValue().has(CONTRACT)) {
				schemas.set(schema.getKey(), read(mapper, "/" + schema.getValue().path(CONTRACT).asString()));
			}
		}
		((ObjectNode) document.path("components")
			.path("securitySchemes")
			.path("oauth2")
			.path("flows")
			.path("clientCredentials")).put("tokenUrl", properties.tokenUrl());
		this.json = mapper.writeValueAsBytes(document);
	}

	/** The document, as served. */
	byte[] json() {
		return json.clone();
	}

	private static JsonNode read(JsonMapper mapper, String resource) {
		try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no " + resource + " on the classpath");
			}
			return mapper.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
