package io.rollcall.schema.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The composable index templates shipped as JSON in {@code elasticsearch/}, rendered for
 * a prefix. They are data, not Java: whoever owns writes (the indexer) puts them at
 * start-up.
 */
public enum IndexTemplate {

	EVENTS("events-template.json", "events"), CONTACTS("contacts-template.json", "contacts"),
	PROGRESS("progress-template.json", "progress"), PROGRAMS("programs-template.json", "programs");

	private final String resource;

	private final String suffix;

	IndexTemplate(String resource, String suffix) {
		this.resource = resource;
		this.suffix = suffix;
	}

	public static List<IndexTemplate> all() {
		return List.of(values());
	}

	/** The template's name in Elasticsearch, e.g. {@code rollcall-events}. */
	public String templateName(IndexNames names) {
		return names.prefix() + "-" + suffix;
	}

	/** The index this template shapes, e.g. {@code rollcall-events}. */
	public String indexName(IndexNames names) {
		return names.prefix() + "-" + suffix;
	}

	/** The template body with its index pattern bound to {@code names}' prefix. */
	public String body(IndexNames names) {
		try (InputStream in = IndexTemplate.class.getResourceAsStream("/elasticsearch/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("index template resource missing: elasticsearch/" + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", names.prefix());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
