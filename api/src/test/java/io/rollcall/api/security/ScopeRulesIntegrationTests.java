package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Each operation needs its scope: 403/{@code FORBIDDEN} with a valid token that lacks it,
 * and nothing executed. The operations are enumerated from the schema and from the api's
 * REST mappings, so a new field or endpoint without a rule here fails the build. Queries
 * (and subscriptions) need {@code analytics:read} by design, except those listed; writes
 * are listed.
 */
@DevStackTest
class ScopeRulesIntegrationTests {

	private static final List<String> SCOPES = List.of("analytics:read", "events:write", "contacts:write",
			"usage:read-tenant");

	/** Queries that need another scope than {@code analytics:read}. */
	private static final Map<String, String> QUERIES = Map.of("Query.tenantUsage", "usage:read-tenant");

	/** Mutations and the scope each needs. */
	private static final Map<String, String> MUTATIONS = Map.of("Mutation.recordEvents", "events:write",
			"Mutation.upsertContact", "contacts:write", "Mutation.removeContact", "contacts:write",
			"Mutation.upsertProgram", "events:write");

	/** REST endpoints ("METHOD pattern") and the scope each needs. */
	private static final Map<String, String> REST = Map.of("POST /v1/events", "events:write", "POST /v1/contacts",
			"contacts:write", "DELETE /v1/contacts/{id}", "contacts:write", "PUT /v1/programs/{id}", "events:write",
			"GET /v1/usage", "analytics:read", "GET /v1/usage/tenant", "usage:read-tenant");

	/**
	 * REST endpoints ("METHOD pattern") any valid token may call, whatever its scopes.
	 */
	private static final Set<String> ANY_TOKEN = Set.of("GET /v1/openapi.json");

	private static final String EVENTS = """
			[{"eventId":"e1","contactId":"c1","programId":"prog-0","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}]
			""";

	private static final String CONTACTS = """
			[{"contactId":"c1","name":"Ann","version":1}]
			""";

	private static final String PROGRAM = """
			{"name":"Onboarding","lessonIds":["l1","l2"]}
			""";

	private static SecuredApi api;

	private static DevIssuer issuer;

	@BeforeAll
	static void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		api = SecuredApi.start(stack, issuer, Map.of());
		// The issuer is discovered lazily: wait until tokens are checked for real.
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api.post("/v1/events", token(SCOPES), SecuredApi.APPLICATION_JSON, EVENTS)
				.statusCode() == 202);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void everyOperationHasARule() {
		SchemaOperations schema = SchemaOperations.load();

		assertThat(schema.operations("Mutation").stream().map(SchemaOperations.Operation::name))
			.as("every mutation needs a scope rule here")
			.containsExactlyInAnyOrderElementsOf(MUTATIONS.keySet());
		assertThat(restEndpoints()).as("every REST endpoint needs a scope rule here")
			.containsExactlyInAnyOrderElementsOf(Stream.concat(REST.keySet().stream(), ANY_TOKEN.stream()).toList());
		assertThat(schema.operations("Query").stream().map(SchemaOperations.Operation::name))
			.containsAll(QUERIES.keySet());
		assertThat(schema.operations("Subscription")).isNotEmpty();
	}

	@Test
	void graphQlOperationsWithoutTheirScopeAreForbiddenAndExecuteNothing() {
		SchemaOperations schema = SchemaOperations.load();
		Random random = new Random(5);
		for (SchemaOperations.Operation operation : Stream
			.concat(schema.operations("Query").stream(), schema.operations("Mutation").stream())
			.toList()) {
			String scope = MUTATIONS.getOrDefault(operation.name(),
					QUERIES.getOrDefault(operation.name(), "analytics:read"));
			// Invalid ids: with the scope, a write stops at validation (BAD_USER_INPUT)
			// and
			// a read answers or refuses the input; without it, FORBIDDEN comes first.
			String document = SchemaOperations.document(operation, random, r -> "not an id!", r -> "text");
			long before = api.streamLength();

			JsonNode without = api.graphQlBody(token(without(scope)), document);
			JsonNode with = api.graphQlBody(token(List.of(scope)), document);

			assertThat(SecuredApi.code(without)).as(operation.name() + " without " + scope + ": " + without)
				.isEqualTo("FORBIDDEN");
			assertThat(without.path("data").path(operation.field().getName()).isMissingNode()
					|| without.path("data").path(operation.field().getName()).isNull())
				.as(without.toString())
				.isTrue();
			assertThat(SecuredApi.code(with)).as(operation.name() + " with " + scope + ": " + with)
				.isNotEqualTo("FORBIDDEN")
				.isNotEqualTo("UNAUTHENTICATED");
			assertThat(api.streamLength()).as(operation.name() + " wrote").isEqualTo(before);
		}
	}

	@Test
	void restEndpointsWithoutTheirScopeAreForbiddenAndExecuteNothing() {
		for (Map.Entry<String, String> rule : REST.entrySet()) {
			long before = api.streamLength();

			HttpResponse<String> response = rest(rule.getKey(), token(without(rule.getValue())));

			assertThat(response.statusCode()).as(rule.getKey() + ": " + response.body()).isEqualTo(403);
			assertThat(SecuredApi.JSON.readTree(response.body()).path("code").asString()).isEqualTo("FORBIDDEN");
			assertThat(api.streamLength()).as(rule.getKey() + " wrote").isEqualTo(before);
		}
	}

	@Test
	void endpointsForAnyTokenNeedOneButNoScope() {
		for (String endpoint : ANY_TOKEN) {
			assertThat(rest(endpoint, null).statusCode()).as(endpoint + " without a token").isEqualTo(401);
			assertThat(rest(endpoint, token(List.of())).statusCode()).as(endpoint + " with no scope").isEqualTo(200);
		}
	}

	@Test
	void theDemoReaderReadsButWritesNothing() {
		String reader = issuer.token("demo-reader", "demo-reader-secret");
		long before = api.streamLength();

		assertThat(rest("POST /v1/events", reader).statusCode()).isEqualTo(403);
		assertThat(rest("POST /v1/contacts", reader).statusCode()).isEqualTo(403);
		assertThat(rest("DELETE /v1/contacts/{id}", reader).statusCode()).isEqualTo(403);
		assertThat(api.streamLength()).isEqualTo(before);
	}

	private static HttpResponse<String> rest(String endpoint, String token) {
		return switch (endpoint) {
			case "POST /v1/events" -> api.post("/v1/events", token, SecuredApi.APPLICATION_JSON, EVENTS);
			case "POST /v1/contacts" -> api.post("/v1/contacts", token, SecuredApi.APPLICATION_JSON, CONTACTS);
			case "DELETE /v1/contacts/{id}" ->
				api.send(token, HttpRequest.newBuilder(api.uri("/v1/contacts/c1")).DELETE());
			case "PUT /v1/programs/{id}" -> api.send(token,
					HttpRequest.newBuilder(api.uri("/v1/programs/p1"))
						.header("Content-Type", SecuredApi.APPLICATION_JSON)
						.PUT(HttpRequest.BodyPublishers.ofString(PROGRAM)));
			case "GET /v1/usage" -> api.get("/v1/usage", token);
			case "GET /v1/openapi.json" -> api.get("/v1/openapi.json", token);
			case "GET /v1/usage/tenant" -> api.get("/v1/usage/tenant", token);
			default -> throw new IllegalArgumentException("no request for " + endpoint);
		};
	}

	/** The api's own REST endpoints, as "METHOD pattern". */
	private static Set<String> restEndpoints() {
		RequestMappingHandlerMapping mapping = api.context()
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("io.rollcall.api")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				entry.getKey()
					.getMethodsCondition()
					.getMethods()
					.forEach(method -> endpoints.add(method.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	private static List<String> without(String scope) {
		return SCOPES.stream().filter(s -> !s.equals(scope)).collect(Collectors.toList());
	}

	private static String token(List<String> scopes) {
		return issuer.sign(issuer.claims("demo", String.join(" ", scopes)).build());
	}

}
