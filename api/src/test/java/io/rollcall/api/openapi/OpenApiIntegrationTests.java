package io.rollcall.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description the api serves, against the api itself over real HTTP with
 * tokens signed by the dev issuer: it describes every {@code /v1} endpoint of the request
 * mappings and nothing else, its shared schemas are {@code schema/}'s contracts, and real
 * requests and answers (writes in JSON and NDJSON, usage reads, each kind of error) are
 * valid against it: each answer's status is declared for its operation, its body matches
 * the declared schema and its declared headers are there.
 */
@DevStackTest
class OpenApiIntegrationTests {

	/** Where the served document is registered for the validator to resolve its refs. */
	private static final String BASE = "https://rollcall.test/v1/openapi.json";

	private static final String EVENT = """
			{"eventId":"o%d","contactId":"c-1","programId":"p-1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}""";

	private static final String TOKEN_URL = "https://idp.example.com/oauth2/token";

	private static SecuredApi api;

	private static String writer;

	private static String reader;

	private static JsonNode document;

	private static SchemaRegistry schemas;

	@BeforeAll
	static void start(DevStack stack, DevIssuer issuer) {
		// Tenant openapi-a: 20 events of burst, so a write of 25 is always RATE_LIMITED.
		api = SecuredApi.start(stack, issuer,
				Map.of("rollcall.openapi.token-url", TOKEN_URL, "rollcall.ingest.max-body-size", "16KB",
						"rollcall.ingest.visibility-timeout", "300ms", "rollcall.limits.tenants.openapi-a.event-burst",
						"20", "rollcall.limits.tenants.openapi-a.events-per-second", "1"));
		writer = issuer.sign(issuer.claims("openapi-a", "analytics:read events:write contacts:write").build());
		reader = issuer.sign(issuer.claims("openapi-a", "analytics:read").build());
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api.get("/v1/openapi.json", reader).statusCode() == 200);
		String served = api.get("/v1/openapi.json", reader).body();
		document = SecuredApi.JSON.readTree(served);
		schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
				builder -> builder.schemas(Map.of(BASE, served))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void everyRestEndpointIsDescribedAndNothingElse() {
		Set<String> described = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			path.getValue()
				.propertyNames()
				.forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
		}

		assertThat(document.path("openapi").asString()).startsWith("3.1.");
		assertThat(described).isEqualTo(mappedEndpoints());
	}

	@Test
	void itsSharedSchemasAreTheContractsOfSchemaAndItsTokenUrlIsTheIssuers() {
		JsonNode components = document.path("components");

		assertThat(components.path("schemas").path("InteractionEvent"))
			.isEqualTo(classpathJson("/json-schema/interaction-event.schema.json"));
		assertThat(components.path("schemas").path("Contact"))
			.isEqualTo(classpathJson("/json-schema/contact.schema.json"));
		assertThat(document.toString()).doesNotContain(OpenApiDocument.CONTRACT);
		assertThat(components.path("securitySchemes")
			.path("oauth2")
			.path("flows")
			.path("clientCredentials")
			.path("tokenUrl")
			.asString()).isEqualTo(TOKEN_URL);
		assertThat(components.path("securitySchemes")
			.path("oauth2")
			.path("flows")
			.path("clientCredentials")
			.path("scopes")
			.propertyNames())
			.containsExactlyInAnyOrder("analytics:read", "events:write", "contacts:write", "usage:read-tenant");
	}

	@Test
	void realRequestsAndAnswersMatchTheDescription() {
		String events = events(0, 2);
		String ndjson = IntStream.range(2, 4).mapToObj(EVENT::formatted).collect(Collectors.joining("\n"));
		String contacts = "[{\"contactId\":\"c-1\",\"name\":\"Ann\",\"version\":1}]";
		String program = "{\"name\":\"Onboarding\",\"lessonIds\":[\"l-1\",\"l-2\"],\"dueDate\":\"2026-12-31T00:00:00Z\"}";
		assertValidRequest("/v1/events", "post", events);
		IntStream.range(2, 4).forEach(i -> assertValid("#/components/schemas/InteractionEvent", EVENT.formatted(i)));
		assertValidRequest("/v1/contacts", "post", contacts);
		assertValidRequest("/v1/programs/{id}", "put", program);

		List<Exchange> exchanges = new ArrayList<>();
		exchanges.add(new Exchange("/v1/events", "post", 202, post("/v1/events", writer, "application/json", events)));
		exchanges
			.add(new Exchange("/v1/events", "post", 202, post("/v1/events", writer, "application/x-ndjson", ndjson)));
		exchanges.add(new Exchange("/v1/events", "post", 400,
				post("/v1/events", writer, "application/json", "[{\"eventId\":\"o 1\"}]")));
		exchanges.add(new Exchange("/v1/events", "post", 429,
				post("/v1/events", writer, "application/json", events(10, 25))));
		exchanges.add(new Exchange("/v1/events", "post", 413,
				post("/v1/events", writer, "application/json", "[" + " ".repeat(20 * 1024) + "]")));
		exchanges.add(new Exchange("/v1/events", "post", 415, post("/v1/events", writer, "text/plain", events)));
		exchanges.add(new Exchange("/v1/events", "post", 403, post("/v1/events", reader, "application/json", events)));
		exchanges
			.add(new Exchange("/v1/contacts", "post", 202, post("/v1/contacts", writer, "application/json", contacts)));
		exchanges.add(new Exchange("/v1/programs/{id}", "put", 202,
				api.send(writer,
						HttpRequest.newBuilder(api.uri("/v1/programs/p-1"))
							.header("Content-Type", "application/json")
							.PUT(HttpRequest.BodyPublishers.ofString(program)))));
		// No indexer runs here: the removal is accepted and never confirmed.
		exchanges.add(new Exchange("/v1/contacts/{id}", "delete", 504,
				api.send(writer, HttpRequest.newBuilder(api.uri("/v1/contacts/c-1")).DELETE())));
		exchanges.add(new Exchange("/v1/usage", "get", 200, api.get("/v1/usage", writer)));
		exchanges.add(new Exchange("/v1/usage", "get", 200,
				api.get("/v1/usage?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z&groupBy=DAY", writer)));
		exchanges.add(new Exchange("/v1/usage", "get", 400, api.get("/v1/usage?groupBy=WEEK", writer)));
		exchanges.add(new Exchange("/v1/usage", "get", 401, api.get("/v1/usage", null)));
		exchanges.add(new Exchange("/v1/usage/tenant", "get", 403, api.get("/v1/usage/tenant", reader)));
		exchanges.add(new Exchange("/v1/openapi.json", "get", 200, api.get("/v1/openapi.json", reader)));

		for (Exchange exchange : exchanges) {
			assertDescribed(exchange);
		}
		// The answers are the ones described, not a blur of errors: the usage read saw
		// the writes' requests.
		JsonNode usage = SecuredApi.JSON.readTree(exchanges.get(10).response().body());
		assertThat(usage.path("buckets").findValues("requests").stream().mapToLong(JsonNode::asLong).sum())
			.isGreaterThanOrEqualTo(9);
	}

	@Test
	void anInvalidBatchIsInvalidForTheDescriptionToo() {
		JsonNode operation = document.path("paths").path("/v1/events").path("post");

		List<Error> errors = schemaAt(pointer(operation.path("requestBody"), "/paths/~1v1~1events/post/requestBody")
				+ "/content/application~1json/schema")
			.validate("[{\"eventId\":\"o 1\"}]", InputFormat.JSON);

		assertThat(errors).isNotEmpty();
	}

	private static void assertDescribed(Exchange exchange) {
		String operationPointer = "/paths/" + escape(exchange.path()) + "/" + exchange.method();
		JsonNode operation = document.at(operationPointer);
		HttpResponse<String> response = exchange.response();
		String what = exchange.method().toUpperCase(Locale.ROOT) + " " + exchange.path() + " -> "
				+ response.statusCode() + " " + response.body();
		assertThat(response.statusCode()).as(what).isEqualTo(exchange.status());
		JsonNode declared = operation.path("responses").path(Integer.toString(response.statusCode()));
		assertThat(declared.isMissingNode()).as(what + ": status not described").isFalse();
		String responsePointer = pointer(declared, operationPointer + "/responses/" + response.statusCode());
		JsonNode described = document.at(responsePointer);
		for (String header : described.path("headers").propertyNames()) {
			assertThat(response.headers().firstValue(header)).as(what + ": header " + header).isPresent();
		}
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
		List<Error> errors = schemaAt(responsePointer + "/content/application~1json/schema").validate(response.body(),
				InputFormat.JSON);
		assertThat(errors).as(what).isEmpty();
	}

	private static void assertValidRequest(String path, String method, String body) {
		String operationPointer = "/paths/" + escape(path) + "/" + method;
		String bodyPointer = pointer(document.at(operationPointer).path("requestBody"),
				operationPointer + "/requestBody");
		assertThat(schemaAt(bodyPointer + "/content/application~1json/schema").validate(body, InputFormat.JSON))
			.as(method + " " + path + " " + body)
			.isEmpty();
	}

	private static void assertValid(String location, String json) {
		assertThat(schemas.getSchema(SchemaLocation.of(BASE + location)).validate(json, InputFormat.JSON)).as(json)
			.isEmpty();
	}

	private static Schema schemaAt(String pointer) {
		return schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer));
	}

	/**
	 * Where {@code node} (found at {@code at}) really is: its {@code $ref}'s target if it
	 * has one.
	 */
	private static String pointer(JsonNode node, String at) {
		return node.has("$ref") ? node.path("$ref").asString().substring(1) : at;
	}

	private static String escape(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}

	private static HttpResponse<String> post(String path, String token, String contentType, String body) {
		return api.post(path, token, contentType, body);
	}

	private static String events(int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj(EVENT::formatted)
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** The {@code /v1} endpoints of the api's request mappings, as "METHOD pattern". */
	private static Set<String> mappedEndpoints() {
		RequestMappingHandlerMapping mapping = api.context()
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (pattern.startsWith("/v1/")) {
					entry.getKey()
						.getMethodsCondition()
						.getMethods()
						.forEach(method -> endpoints.add(method.name() + " " + pattern));
				}
			}
		}
		return endpoints;
	}

	private static JsonNode classpathJson(String resource) {
		try (InputStream in = OpenApiIntegrationTests.class.getResourceAsStream(resource)) {
			return SecuredApi.JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A request to a described operation and the status it must get. */
	private record Exchange(String path, String method, int status, HttpResponse<String> response) {
	}

}
