package io.rollcall.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.rollcall.api.FakeGraphQl;
import io.rollcall.api.security.TestCallers;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * What runs for which persisted-document request, against an in-memory registry and a
 * chain that records the document it was given.
 */
class PersistedDocumentsInterceptorTests {

	private static final String TYPENAME = "{ __typename }";

	private final Map<String, String> registry = new HashMap<>();

	private final PersistedQueries queries = new PersistedQueries() {

		@Override
		public Optional<String> lookup(String hash) {
			return Optional.ofNullable(registry.get(hash));
		}

		@Override
		public void register(String hash, String document) {
			registry.put(hash, document);
		}

	};

	private final Recording chain = new Recording();

	@Test
	void anUnknownHashIsNotFoundThenRegisteredWithItsDocumentThenFoundByItself() {
		WebGraphQlResponse unknown = run("demo-admin", null, PersistedQueryTests.TYPENAME_HASH);
		WebGraphQlResponse registering = run("demo-admin", TYPENAME, PersistedQueryTests.TYPENAME_HASH);
		WebGraphQlResponse known = run("demo-admin", null, PersistedQueryTests.TYPENAME_HASH);

		assertThat(code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknown.getErrors().getFirst().getMessage()).isEqualTo("PersistedQueryNotFound");
		assertThat(registering.getErrors()).isEmpty();
		assertThat(known.getErrors()).isEmpty();
		assertThat(chain.documents).containsExactly(TYPENAME, TYPENAME);
		assertThat(registry).containsEntry(PersistedQueryTests.TYPENAME_HASH, TYPENAME);
	}

	@Test
	void aDocumentThatDoesNotMatchItsHashIsRefusedAndNotRegistered() {
		WebGraphQlResponse mismatch = run("demo-admin", "{ __schema { types { name } } }",
				PersistedQueryTests.TYPENAME_HASH);

		assertThat(code(mismatch)).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
		assertThat(chain.documents).isEmpty();
		assertThat(registry).isEmpty();
	}

	@Test
	void aDocumentThatRanWithoutDataIsNotRegistered() {
		chain.data = null;

		run("demo-admin", TYPENAME, PersistedQueryTests.TYPENAME_HASH);

		assertThat(chain.documents).containsExactly(TYPENAME);
		assertThat(registry).isEmpty();
	}

	@Test
	void aRequestWithoutTheExtensionRunsAsSent() {
		run("demo-admin", TYPENAME, null);

		assertThat(chain.documents).containsExactly(TYPENAME);
	}

	@Test
	void aTrustedClientRunsItsManifestsOperationsOnly() throws IOException {
		WebGraphQlResponse byHash = run("demo-reader", null, TrustedManifestTests.SUMMARY_HASH);
		WebGraphQlResponse whole = run("demo-reader", TrustedManifestTests.SUMMARY, null);
		WebGraphQlResponse adHoc = run("demo-reader", TYPENAME, null);
		WebGraphQlResponse adHocHashed = run("demo-reader", TYPENAME, PersistedQueryTests.TYPENAME_HASH);

		assertThat(byHash.getErrors()).isEmpty();
		assertThat(whole.getErrors()).isEmpty();
		assertThat(code(adHoc)).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
		assertThat(code(adHocHashed)).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
		assertThat(chain.documents).containsExactly(TrustedManifestTests.SUMMARY, TrustedManifestTests.SUMMARY);
		assertThat(registry).as("a trusted client registers nothing").isEmpty();
	}

	private WebGraphQlResponse run(String clientId, String document, String hash) {
		TrustedDocuments trusted;
		try {
			trusted = new TrustedDocuments(
					Map.of("demo-reader", TrustedManifest.read(TrustedManifestTests.fixture("apollo-manifest.json"))));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		PersistedDocumentsInterceptor interceptor = new PersistedDocumentsInterceptor(TestCallers.withDefaultClaims(),
				trusted, queries);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document == null ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : document);
		body.put("extensions", hash == null ? null : PersistedQueryTests.extension(1, hash));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, new HashMap<>(), body, "1", Locale.ENGLISH);
		return interceptor.intercept(request, chain)
			.contextWrite(context -> context.put(SecurityContext.class.getName(), caller(clientId)))
			.block();
	}

	private static SecurityContext caller(String clientId) {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("tenant_id", "demo")
			.claim("client_id", clientId)
			.build();
		return new SecurityContextImpl(new JwtAuthenticationToken(jwt));
	}

	private static String code(WebGraphQlResponse response) {
		return String.valueOf(response.getErrors().getFirst().getExtensions().get("code"));
	}

	/** Answers with {@link #data} and records the document each request would run. */
	private static final class Recording implements WebGraphQlInterceptor.Chain {

		final List<String> documents = new ArrayList<>();

		Map<String, Object> data = Map.of("__typename", "Query");

		@Override
		public Mono<WebGraphQlResponse> next(WebGraphQlRequest request) {
			documents.add(request.toExecutionInput().getQuery());
			return new FakeGraphQl.Chain(data).next(request);
		}

	}

}
