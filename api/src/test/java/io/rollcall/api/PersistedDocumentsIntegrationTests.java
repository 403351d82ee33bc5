package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Persisted and trusted documents over real HTTP with real tokens: Apollo's automatic
 * persisted queries round trip (unknown hash, registered with its document, then by hash
 * alone, with POST and GET, priced like the whole document), a hash its document does not
 * match, and trusted-documents clients (an Apollo and a Relay manifest) that run their
 * manifest's operations and nothing else.
 */
@DevStackTest
class PersistedDocumentsIntegrationTests {

	private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	private static final String SUMMARY = "query Summary($programId: ID!) { programSummary(programId: $programId) { totalEvents activeReps } }";

	private static final String SUMMARY_HASH = "c249ebbedd601ae6d10befce1161395348eef6f337706fdcb0965a36d598d35a";

	private static final String TYPENAME_HASH = "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b";

	private static RunningStack stack;

	private static String admin;

	private static String reader;

	private static String manager;

	@BeforeAll
	static void start(DevStack devStack, DevIssuer issuer) {
		stack = RunningStack.start(devStack, issuer, Map.of("rollcall.persisted-documents.trusted-clients.demo-reader",
				"classpath:persisted/apollo-manifest.json", "rollcall.persisted-documents.trusted-clients.demo-manager",
				"classpath:persisted/relay-persisted-queries.json"));
		admin = issuer.token("demo-admin", "demo-admin-secret");
		reader = issuer.token("demo-reader", "demo-reader-secret");
		manager = issuer.token("demo-manager", "demo-manager-secret");
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void anUnknownHashIsRegisteredWithItsDocumentThenRunsByItself() {
		HttpResponse<String> unknown = post(admin, null, SUMMARY_HASH, Map.of("programId", "onboarding"));
		HttpResponse<String> unknownAsJson = stack.post("/graphql", admin, "application/json",
				body(null, SUMMARY_HASH, Map.of("programId", "onboarding")));
		HttpResponse<String> registering = post(admin, SUMMARY, SUMMARY_HASH, Map.of("programId", "onboarding"));
		HttpResponse<String> byHash = post(admin, null, SUMMARY_HASH, Map.of("programId", "onboarding"));
		HttpResponse<String> byGet = stack.send(admin,
				HttpRequest.newBuilder(stack.uri("/graphql?extensions="
						+ encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + SUMMARY_HASH + "\"}}")
						+ "&variables=" + encode("{\"programId\":\"onboarding\"}")))
					.GET());

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown).path("errors").path(0).path("message").asString()).isEqualTo("PersistedQueryNotFound");
		assertThat(code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknownAsJson.statusCode()).isEqualTo(200);
		assertThat(code(unknownAsJson)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		for (HttpResponse<String> answered : List.of(registering, byHash, byGet)) {
			JsonNode body = json(answered);
			assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
			assertThat(body.path("errors").isMissingNode()).as(answered.body()).isTrue();
			assertThat(body.path("data").path("programSummary").path("totalEvents").isNumber()).isTrue();
			assertThat(body.path("extensions").path("cost").path("requestedQueryCost").asLong())
				.as("priced like the whole document")
				.isEqualTo(json(registering).path("extensions").path("cost").path("requestedQueryCost").asLong())
				.isPositive();
		}
		assertThat(byGet.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void aDocumentThatDoesNotMatchItsHashIsRefused() {
		HttpResponse<String> mismatch = post(admin, "{ __typename }", SUMMARY_HASH, Map.of());
		HttpResponse<String> stillUnknown = post(admin, null, TYPENAME_HASH, Map.of());

		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(code(mismatch)).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
		assertThat(code(stillUnknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aTrustedClientRunsItsManifestsOperationsAndNothingElse() {
		HttpResponse<String> adHoc = post(reader, "{ __typename }", null, Map.of());
		HttpResponse<String> adHocWithItsHash = post(reader, "{ __typename }", TYPENAME_HASH, Map.of());
		HttpResponse<String> registered = post(reader, null, SUMMARY_HASH, Map.of("programId", "onboarding"));
		HttpResponse<String> registeredWhole = post(reader, SUMMARY, null, Map.of("programId", "onboarding"));
		HttpResponse<String> relayClient = post(manager, null, SUMMARY_HASH, Map.of("programId", "onboarding"));
		HttpResponse<String> relayClientAdHoc = post(manager, "{ __typename }", null, Map.of());
		HttpResponse<String> untrustedClient = post(admin, "{ __typename }", null, Map.of());

		for (HttpResponse<String> refused : List.of(adHoc, adHocWithItsHash, relayClientAdHoc)) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
			assertThat(code(refused)).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
		}
		for (HttpResponse<String> answered : List.of(registered, registeredWhole, relayClient, untrustedClient)) {
			assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
			assertThat(json(answered).path("errors").isMissingNode()).as(answered.body()).isTrue();
		}
	}

	private static HttpResponse<String> post(String token, String document, String hash,
			Map<String, Object> variables) {
		return stack.send(token,
				HttpRequest.newBuilder(stack.uri("/graphql"))
					.header("Content-Type", "application/json")
					.header("Accept", GRAPHQL_RESPONSE)
					.POST(HttpRequest.BodyPublishers.ofString(body(document, hash, variables))));
	}

	private static String body(String document, String hash, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (document != null) {
			body.put("query", document);
		}
		body.put("variables", variables);
		if (hash != null) {
			body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		}
		return RunningStack.JSON.writeValueAsString(body);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return RunningStack.JSON.readTree(response.body());
	}

	private static String code(HttpResponse<String> response) {
		return json(response).path("errors").path(0).path("extensions").path("code").asString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
