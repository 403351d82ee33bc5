package io.rollcall.api.persisted;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.rollcall.api.cost.RegisteredDocuments;
import io.rollcall.api.error.GraphQlRejections;
import io.rollcall.api.security.Callers;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Resolves persisted documents before the document guard prices anything, so a request
 * that names its document by hash is guarded, priced and rate-limited like one that sends
 * it whole. (graphql-java's {@code ApolloPersistedQuerySupport} resolves the hash inside
 * execution, after the guard and the rate limiter: a hash-only request would run
 * unpriced, hence this interceptor in its place.)
 * <ul>
 * <li><b>Trusted clients</b> ({@code rollcall.persisted-documents.trusted-clients}) run
 * only their manifest's operations, named by id or hash, or sent whole as written there;
 * anything else is {@code PERSISTED_QUERY_NOT_ALLOWED}, and nothing they send is
 * registered.</li>
 * <li><b>Every other client</b> gets Apollo's automatic persisted queries: a hash alone
 * runs the document registered under it, or is {@code PERSISTED_QUERY_NOT_FOUND}; a hash
 * with its document runs the document and registers it once it has run with data (so a
 * document the guard or graphql-java refuses is never kept); a hash the document does not
 * match is {@code PERSISTED_QUERY_HASH_MISMATCH}.</li>
 * </ul>
 */
final class PersistedDocumentsInterceptor implements WebGraphQlInterceptor {

	private final Callers callers;

	private final TrustedDocuments trusted;

	private final PersistedQueries store;

	PersistedDocumentsInterceptor(Callers callers, TrustedDocuments trusted, PersistedQueries store) {
		this.callers = callers;
		this.trusted = trusted;
		this.store = store;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual(context -> {
			try {
				return resolve(request, chain, callers.current(context).clientId());
			}
			catch (PersistedDocumentException e) {
				return Mono.just(GraphQlRejections.response(request, e, Map.of()));
			}
		});
	}

	private Mono<WebGraphQlResponse> resolve(WebGraphQlRequest request, Chain chain, String clientId) {
		Optional<PersistedQuery> persisted = PersistedQuery.of(request.getExtensions());
		String sent = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument()) ? null
				: request.getDocument();
		Optional<TrustedManifest> manifest = trusted.of(clientId);
		if (manifest.isPresent()) {
			String document = persisted.flatMap(hash -> manifest.get().document(hash.sha256Hash()))
				.or(() -> Optional.ofNullable(sent).filter(manifest.get()::contains))
				.orElseThrow(() -> PersistedDocumentException.notAllowed(clientId));
			RegisteredDocuments.run(request, document);
			return chain.next(request);
		}
		if (persisted.isEmpty()) {
			return chain.next(request);
		}
		String hash = persisted.get().sha256Hash();
		if (sent == null) {
			RegisteredDocuments.run(request, store.lookup(hash).orElseThrow(PersistedDocumentException::notFound));
			return chain.next(request);
		}
		if (!persisted.get().names(sent)) {
			throw PersistedDocumentException.hashMismatch();
		}
		RegisteredDocuments.run(request, sent);
		return chain.next(request).doOnNext(response -> {
			if (response.getExecutionResult().getData() != null) {
				store.register(hash, sent);
			}
		});
	}

}
