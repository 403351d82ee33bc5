package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The token matrix of issue #5, against the real dev issuer and a running api: every bad
 * token is refused with 401 on REST and GraphQL and 4401 on WebSocket, and nothing is
 * executed (the ingest stream does not grow). Well-signed tokens with one broken claim
 * come from {@link DevIssuer#sign}, whose unbroken tokens are accepted (the control).
 */
@DevStackTest
class TokenValidationIntegrationTests {

	private static final String EVENTS = """
			[{"eventId":"e1","contactId":"c1","programId":"prog-0","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}]
			""";

	private static final String MUTATION = """
			mutation { recordEvents(events: [{eventId: "e2", contactId: "c1", programId: "prog-0", type: SMS_SENT,
			  occurredAt: "2026-01-05T09:00:00Z"}]) { accepted } }
			""";

	private static final String ALL_SCOPES = "analytics:read events:write contacts:write";

	private static SecuredApi api;

	@BeforeAll
	static void start(DevStack stack, DevIssuer issuer) {
		api = SecuredApi.start(stack, issuer, Map.of());
		acceptsAGoodToken(issuer);
	}

	/**
	 * The control, before any refusal is trusted: a token from the sign helper is
	 * accepted, so the issuer's keys are loaded and every 401 below is the token's fault.
	 * (The api discovers the issuer lazily; on a busy machine the first discovery can
	 * time out, and is retried on the next token.)
	 */
	private static void acceptsAGoodToken(DevIssuer issuer) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> api
				.post("/v1/events", issuer.sign(issuer.claims("demo", ALL_SCOPES).build()), SecuredApi.APPLICATION_JSON,
						EVENTS)
				.statusCode() == 202);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	static Stream<Arguments> badTokens() {
		Instant now = Instant.now();
		return Stream.of(Arguments.of("no token", (Function<DevIssuer, String>) i -> null),
				Arguments.of("alg none",
						(Function<DevIssuer, String>) i -> unsigned(i.claims("demo", ALL_SCOPES).build())),
				Arguments.of("HS256 keyed with the issuer's public key",
						(Function<DevIssuer, String>) i -> hmacWithPublicKey(i, i.claims("demo", ALL_SCOPES).build())),
				Arguments.of("unknown kid (another RSA key)",
						(Function<DevIssuer, String>) i -> foreignKey(i.claims("demo", ALL_SCOPES).build(),
								"unknown-kid")),
				Arguments.of("another RSA key under the issuer's kid",
						(Function<DevIssuer, String>) i -> foreignKey(i.claims("demo", ALL_SCOPES).build(), i.keyId())),
				Arguments.of("wrong issuer",
						(Function<DevIssuer, String>) i -> i
							.sign(i.claims("demo", ALL_SCOPES).issuer("http://127.0.0.1:1/evil").build())),
				Arguments.of("wrong audience",
						(Function<DevIssuer, String>) i -> i
							.sign(i.claims("demo", ALL_SCOPES).audience("billing-api").build())),
				Arguments.of("expired beyond the 30 s skew",
						(Function<DevIssuer, String>) i -> i.sign(i.claims("demo", ALL_SCOPES)
							.issueTime(Date.from(now.minusSeconds(600)))
							.notBeforeTime(Date.from(now.minusSeconds(600)))
							.expirationTime(Date.from(now.minusSeconds(45)))
							.build())),
				Arguments.of("not yet valid beyond the 30 s skew",
						(Function<DevIssuer, String>) i -> i
							.sign(i.claims("demo", ALL_SCOPES).notBeforeTime(Date.from(now.plusSeconds(120))).build())),
				Arguments.of("tampered payload (tenant changed after signing)",
						(Function<DevIssuer, String>) i -> tamper(i.token("demo-admin", "demo-admin-secret"))),
				Arguments.of("missing tenant_id",
						(Function<DevIssuer, String>) i -> i
							.sign(i.claims("demo", ALL_SCOPES).claim("tenant_id", null).build())),
				Arguments.of("missing exp",
						(Function<DevIssuer, String>) i -> i
							.sign(i.claims("demo", ALL_SCOPES).expirationTime(null).build())),
				Arguments.of("garbage", (Function<DevIssuer, String>) i -> "not.a.jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void isRefusedEverywhereAndExecutesNothing(String name, Function<DevIssuer, String> mint) {
		String token = mint.apply(DevIssuer.global());
		long before = api.streamLength();

		HttpResponse<String> rest = api.post("/v1/events", token, SecuredApi.APPLICATION_JSON, EVENTS);
		HttpResponse<String> graphQl = api.graphQl(token, MUTATION);
		HttpResponse<String> removal = api.delete("/v1/contacts/c1", token);

		assertThat(rest.statusCode()).as(rest.body()).isEqualTo(401);
		assertThat(SecuredApi.JSON.readTree(rest.body()).path("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(rest.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(graphQl.statusCode()).as(graphQl.body()).isEqualTo(401);
		assertThat(SecuredApi.code(SecuredApi.JSON.readTree(graphQl.body()))).isEqualTo("UNAUTHENTICATED");
		assertThat(removal.statusCode()).isEqualTo(401);
		assertThat(api.streamLength()).as("stream entries").isEqualTo(before);
		try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(), token)) {
			await().atMost(Duration.ofSeconds(15)).until(() -> socket.closeCode() != null);
			assertThat(socket.closeCode()).isEqualTo(4401);
			assertThat(socket.acknowledged()).isFalse();
		}
	}

	@Test
	void theSignHelperMakesTokensTheApiAccepts() {
		DevIssuer issuer = DevIssuer.global();
		long before = api.streamLength();

		HttpResponse<String> rest = api.post("/v1/events", issuer.sign(issuer.claims("demo", ALL_SCOPES).build()),
				SecuredApi.APPLICATION_JSON, EVENTS);
		// Within the stated skew: expired 10 s ago still passes, so the refusal above is
		// the skew's doing.
		HttpResponse<String> skewed = api.post("/v1/events",
				issuer.sign(issuer.claims("demo", ALL_SCOPES)
					.issueTime(Date.from(Instant.now().minusSeconds(600)))
					.notBeforeTime(Date.from(Instant.now().minusSeconds(600)))
					.expirationTime(Date.from(Instant.now().minusSeconds(10)))
					.build()),
				SecuredApi.APPLICATION_JSON, EVENTS);

		assertThat(rest.statusCode()).as(rest.body()).isEqualTo(202);
		assertThat(skewed.statusCode()).as(skewed.body()).isEqualTo(202);
		assertThat(api.streamLength()).isEqualTo(before + 2);
	}

	private static String unsigned(JWTClaimsSet claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
	}

	private static String hmacWithPublicKey(DevIssuer issuer, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.keyId()).build(),
					claims);
			jwt.sign(new MACSigner(issuer.publicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String foreignKey(JWTClaimsSet claims, String keyId) {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID(keyId).generate();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Re-encodes the payload with {@code tenant_id: other}, keeping the signature. */
	private static String tamper(String token) {
		String[] parts = token.split("\\.");
		JsonNode payload = SecuredApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		((tools.jackson.databind.node.ObjectNode) payload).put("tenant_id", "other");
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(SecuredApi.JSON.writeValueAsBytes(payload));
		return parts[0] + "." + forged + "." + parts[2];
	}

}
