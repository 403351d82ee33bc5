package io.rollcall.api.cost;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Documents that parsed and validated before, by their text. Dashboards send the same few
 * documents all day (only the variables change), and a document was parsed twice per
 * request (by the guard, to price it, and by graphql-java) and validated once: with this
 * cache a known document is neither. Only valid documents are kept, so an error is always
 * computed afresh, in the caller's locale; a document kept here had passed the parser
 * limits, since the guard parses it before graphql-java does (in warn-only mode a
 * document over a limit is therefore warned about once, not on every request).
 *
 * <p>
 * Bounded without bookkeeping: past {@value #MAX_ENTRIES} documents the cache is emptied.
 * A client that sends ever-new documents costs re-parsing, never memory.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

	static final int MAX_ENTRIES = 1_000;

	/** Longer documents are not kept: a dashboard's are a few hundred characters. */
	static final int MAX_CHARACTERS = 20_000;

	private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String text = input.getQuery();
		PreparsedDocumentEntry known = entries.get(text);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors() && text.length() <= MAX_CHARACTERS) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(text, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** The document of {@code text} if it parsed and validated before. */
	Optional<Document> known(String text) {
		PreparsedDocumentEntry entry = entries.get(text);
		return entry == null ? Optional.empty() : Optional.of(entry.getDocument());
	}

	int size() {
		return entries.size();
	}

}
