package io.rollcall.api.cost;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The analyses of registered documents (persisted by their hash, or trusted for an OAuth
 * client), computed once, when a document is registered, and reused by the document guard
 * for every request that runs it: parsed, its fragments checked, its shape measured and
 * its price computed. A price whose list sizes come from variables
 * ({@code first: $first}) is not kept: it holds for one request's variables only, so the
 * guard prices such an operation for each request (one linear walk).
 * <p>
 * Bounded like {@link ParsedDocuments}: the least recently used analysis goes past
 * {@value #MAX_ENTRIES}; it is computed again when its document comes back.
 */
public final class RegisteredDocuments {

	static final int MAX_ENTRIES = 2_000;

	/** The GraphQL context key that marks a registered document. */
	private static final String REGISTERED = RegisteredDocuments.class.getName();

	private final DocumentParser parser;

	private final DocumentAnalyzer analyzer;

	private final GraphQLSchema schema;

	private final Map<Key, DocumentAnalyzer.Analysis> registrations = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, DocumentAnalyzer.Analysis> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	RegisteredDocuments(DocumentParser parser, DocumentAnalyzer analyzer, GraphQLSchema schema) {
		this.parser = parser;
		this.analyzer = analyzer;
		this.schema = schema;
	}

	/**
	 * Runs {@code request} with {@code text}, a registered document, instead of its own
	 * document: the guard then keeps (or reuses) the document's analysis.
	 */
	public static void run(WebGraphQlRequest request, String text) {
		request.configureExecutionInput(
				(input, builder) -> builder.query(text).graphQLContext(Map.of(REGISTERED, Boolean.TRUE)).build());
	}

	static boolean isRegistered(ExecutionInput input) {
		return Boolean.TRUE.equals(input.getGraphQLContext().get(REGISTERED));
	}

	/**
	 * Registers {@code text} ahead of its requests (a trusted manifest's operation at
	 * start-up): parses it under the parser limits, validates it against the schema, and
	 * analyzes each of its operations.
	 * @return why it cannot run; empty when it can
	 */
	public List<String> register(String text) {
		Document document;
		try {
			document = parser.parse(text);
		}
		catch (InvalidSyntaxException | DocumentRejectedException e) {
			return List.of(e.getMessage());
		}
		List<String> problems = new ArrayList<>();
		try {
			for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				keep(text, operation.getName(), analyzer.analyze(document, operation.getName(), Map.of()));
			}
		}
		catch (DocumentRejectedException e) {
			return List.of(e.getMessage());
		}
		for (ValidationError error : ParseAndValidate.validate(schema, document, FragmentCycles.SKIP_GRAPHQL_JAVA_RULE,
				Locale.ROOT)) {
			problems.add(error.getMessage());
		}
		return problems;
	}

	/** The kept analysis of {@code operationName} in {@code text}. */
	Optional<DocumentAnalyzer.Analysis> get(String text, String operationName) {
		synchronized (registrations) {
			return Optional.ofNullable(registrations.get(new Key(text, operationName)));
		}
	}

	/** Keeps {@code analysis} unless it holds for one request's variables only. */
	void keep(String text, String operationName, DocumentAnalyzer.Analysis analysis) {
		if (analysis.variableSized()) {
			return;
		}
		synchronized (registrations) {
			registrations.put(new Key(text, operationName), analysis);
		}
	}

	int size() {
		synchronized (registrations) {
			return registrations.size();
		}
	}

	private record Key(String text, String operationName) {
	}

}
