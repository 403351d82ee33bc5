package io.rollcall.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The GraphQL operations tests run, kept as {@code graphql-test/<name>.graphql}. */
public final class TestDocuments {

	private TestDocuments() {
	}

	public static String load(String name) {
		try (InputStream in = TestDocuments.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
			if (in == null) {
				throw new IllegalArgumentException("no operation graphql-test/" + name + ".graphql");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
