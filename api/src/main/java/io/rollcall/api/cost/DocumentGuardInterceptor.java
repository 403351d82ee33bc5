package io.rollcall.api.cost;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.GraphQlRejections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Refuses abusive GraphQL documents and prices the rest, before anything runs. In order:
 * parser limits ({@code PARSER_LIMIT_EXCEEDED}), fragment cycles
 * ({@code FRAGMENT_CYCLE}), depth ({@code MAX_DEPTH_EXCEEDED}, default 15), aliases
 * ({@code MAX_ALIASES_EXCEEDED}, default 30), root fields
 * ({@code MAX_ROOT_FIELDS_EXCEEDED}, default 10), cost ({@code COST_LIMIT_EXCEEDED},
 * default 50,000). A refused document gets one error and
 * {@code extensions.cost.requestedQueryCost} (when its cost was the reason); it reaches
 * neither the rate limiter nor Elasticsearch. An accepted one carries its
 * {@link PricedOperation} on to the rate limiter, and graphql-java parses it again under
 * the same parser limits and validates it without the fragment-cycle rule this guard
 * already applied (see {@link FragmentCycles}). Documents that are not valid GraphQL pass
 * through: graphql-java reports their syntax error.
 * <p>
 * The document is the one the request will run: a persisted document's text when the
 * request named it by its hash. A registered document's analysis is computed once and
 * reused ({@link RegisteredDocuments}); its shape and cost are checked on every request
 * all the same, against the limits in force.
 */
final class DocumentGuardInterceptor implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(DocumentGuardInterceptor.class);

	private final DocumentParser parser;

	private final DocumentAnalyzer analyzer;

	private final DocumentLimitsProperties limits;

	private final CostProperties cost;

	private final RegisteredDocuments registeredDocuments;

	DocumentGuardInterceptor(DocumentParser parser, DocumentAnalyzer analyzer, DocumentLimitsProperties limits,
			CostProperties cost, RegisteredDocuments registeredDocuments) {
		this.parser = parser;
		this.analyzer = analyzer;
		this.limits = limits;
		this.cost = cost;
		this.registeredDocuments = registeredDocuments;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		ExecutionInput input = request.toExecutionInput();
		boolean registered = RegisteredDocuments.isRegistered(input);
		Optional<DocumentAnalyzer.Analysis> known = registered
				? registeredDocuments.get(input.getQuery(), request.getOperationName()) : Optional.empty();
		Map<Object, Object> context = new HashMap<>();
		if (known.isPresent()) {
			// It parsed under the parser limits when it was registered.
			context.put(ParserOptions.class, parser.parserOptions());
			return admit(request, chain, known.get(), context);
		}
		Document document;
		try {
			document = parser.parse(input.getQuery());
			context.put(ParserOptions.class, parser.parserOptions());
		}
		catch (DocumentRejectedException e) {
			if (!limits.warnOnly()) {
				return refuse(request, e, Map.of());
			}
			log.warn("warn-only: {}", e.getMessage());
			try {
				document = parser.parseWithDefaultLimits(input.getQuery());
			}
			catch (InvalidSyntaxException | DocumentRejectedException notParsed) {
				return chain.next(request);
			}
		}
		catch (InvalidSyntaxException e) {
			return chain.next(request);
		}
		DocumentAnalyzer.Analysis analysis;
		try {
			analysis = analyzer.analyze(document, request.getOperationName(), request.getVariables());
		}
		catch (DocumentRejectedException e) {
			return refuse(request, e, Map.of());
		}
		if (registered) {
			registeredDocuments.keep(input.getQuery(), request.getOperationName(), analysis);
		}
		return admit(request, chain, analysis, context);
	}

	/** Checks the operation's shape and cost, and runs it when both are within limits. */
	private Mono<WebGraphQlResponse> admit(WebGraphQlRequest request, Chain chain, DocumentAnalyzer.Analysis analysis,
			Map<Object, Object> context) {
		try {
			checkShape(analysis);
		}
		catch (DocumentRejectedException e) {
			return refuse(request, e, Map.of());
		}
		if (analysis.cost() > cost.maxCost()) {
			String message = "the operation's estimated cost " + analysis.cost() + " is over the maximum "
					+ cost.maxCost();
			if (!cost.warnOnly()) {
				return refuse(request,
						new DocumentRejectedException(ErrorCode.COST_LIMIT_EXCEEDED, message,
								Map.of("cost", analysis.cost(), "maxCost", cost.maxCost())),
						costExtension(analysis.cost()));
			}
			log.warn("warn-only: {} {}", ErrorCode.COST_LIMIT_EXCEEDED, message);
		}
		context.put(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT, FragmentCycles.SKIP_GRAPHQL_JAVA_RULE);
		new PricedOperation(analysis.kind(), analysis.cost(), analysis.actual()).attachTo(request, context);
		return chain.next(request);
	}

	private void checkShape(DocumentAnalyzer.Analysis analysis) {
		if (analysis.depth() > limits.maxDepth()) {
			reject(ErrorCode.MAX_DEPTH_EXCEEDED,
					"the document nests " + analysis.depth() + " fields deep, more than " + limits.maxDepth(),
					Map.of("depth", analysis.depth(), "maxDepth", limits.maxDepth()));
		}
		if (analysis.aliases() > limits.maxAliases()) {
			reject(ErrorCode.MAX_ALIASES_EXCEEDED,
					"the document uses " + analysis.aliases() + " aliases, more than " + limits.maxAliases(),
					Map.of("aliases", analysis.aliases(), "maxAliases", limits.maxAliases()));
		}
		if (analysis.rootFields() > limits.maxRootFields()) {
			reject(ErrorCode.MAX_ROOT_FIELDS_EXCEEDED,
					"the operation selects " + analysis.rootFields() + " root fields, more than "
							+ limits.maxRootFields(),
					Map.of("rootFields", analysis.rootFields(), "maxRootFields", limits.maxRootFields()));
		}
	}

	private void reject(ErrorCode code, String message, Map<String, Object> details) {
		if (limits.warnOnly()) {
			log.warn("warn-only: {} {}", code, message);
			return;
		}
		throw new DocumentRejectedException(code, message, details);
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, DocumentRejectedException rejection,
			Map<Object, Object> extensions) {
		return Mono.just(GraphQlRejections.response(request, rejection, extensions));
	}

	/** What the rate limiter would have reported: the estimate, and nothing charged. */
	private static Map<Object, Object> costExtension(long requested) {
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requestedQueryCost", requested);
		cost.put("actualQueryCost", 0L);
		return Map.of("cost", cost);
	}

}
