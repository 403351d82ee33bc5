package io.rollcall.devstack.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DevIssuerIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static DevIssuer issuer;

	@BeforeAll
	static void start() {
		issuer = DevIssuer.start(0);
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void issuesAnAdminTokenSignedWithThePublishedKey() throws Exception {
		SignedJWT jwt = SignedJWT.parse(issuer.token("demo-admin", "demo-admin-secret"));
		JWKSet jwks = JWKSet.parse(get(issuer.jwksUri()).body());

		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
		assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(issuer.keyId()).toRSAKey()))).isTrue();
		assertThat(jwt.verify(new RSASSAVerifier(issuer.publicKey()))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUri().toString()).startsWith("http://127.0.0.1:");
		assertThat(claims.getAudience()).containsExactly("rollcall-api");
		assertThat(claims.getSubject()).isEqualTo("demo-admin");
		assertThat(claims.getStringClaim("tenant_id")).isEqualTo("demo");
		assertThat(claims.getStringClaim("role")).isEqualTo("admin");
		assertThat(claims.getStringClaim("scope"))
			.isEqualTo("analytics:read events:write contacts:write usage:read-tenant");
		assertThat(claims.getClaim("team_ids")).isNull();
		assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(3500));
	}

	@Test
	void grantsOnlyTheRequestedScopes() throws Exception {
		HttpResponse<String> response = requestToken("demo-admin", "demo-admin-secret",
				"grant_type=client_credentials&scope=analytics:read");
		assertThat(response.statusCode()).isEqualTo(200);
		String token = response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope")).isEqualTo("analytics:read");
	}

	@Test
	void issuesManagerTokensWithTheirTeams() throws Exception {
		JWTClaimsSet claims = SignedJWT.parse(issuer.token("demo-manager", "demo-manager-secret")).getJWTClaimsSet();
		assertThat(claims.getStringClaim("role")).isEqualTo("manager");
		assertThat(claims.getStringListClaim("team_ids")).containsExactly("team-1");
		assertThat(claims.getStringClaim("scope")).isEqualTo("analytics:read");
	}

	@Test
	void issuesTokensForAnotherTenant() throws Exception {
		JWTClaimsSet claims = SignedJWT.parse(issuer.token("other-admin", "other-admin-secret")).getJWTClaimsSet();
		assertThat(claims.getStringClaim("tenant_id")).isEqualTo("other");
	}

	@Test
	void refusesAWrongSecret() throws Exception {
		assertThat(requestToken("demo-admin", "wrong", "grant_type=client_credentials").statusCode()).isEqualTo(401);
		assertThatIllegalStateException().isThrownBy(() -> issuer.token("demo-reader", "wrong"))
			.withMessageContaining("401");
	}

	@Test
	void publishesDiscoveryDocuments() throws Exception {
		for (String path : new String[] { "/.well-known/openid-configuration",
				"/.well-known/oauth-authorization-server" }) {
			HttpResponse<String> response = get(issuer.issuerUri().resolve(path));
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).contains("\"issuer\":\"" + issuer.issuerUri() + "\"")
				.contains(issuer.jwksUri().toString());
		}
	}

	@Test
	void letsPagesOnLoopbackCallTheTokenEndpoint() throws Exception {
		assertThat(preflight("http://127.0.0.1:8080").headers().firstValue("Access-Control-Allow-Origin"))
			.hasValue("http://127.0.0.1:8080");
		assertThat(preflight("http://127.0.0.1:41234").headers().firstValue("Access-Control-Allow-Origin"))
			.hasValue("http://127.0.0.1:41234");
		HttpResponse<String> foreign = preflight("https://evil.example");
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(foreign.statusCode()).isEqualTo(403);
	}

	@Test
	void sendsBrowsersToTheLoginFormAndRefusesAuthorizationWithoutPkce() throws Exception {
		String authorize = issuer.issuerUri()
			.resolve("/oauth2/authorize?response_type=code&client_id=rollcall-dashboard&scope=analytics:read"
					+ "&redirect_uri=http://127.0.0.1:51234/&state=s")
			.toString();
		HttpResponse<String> withoutPkce = http.send(
				HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withoutPkce.statusCode()).isEqualTo(302);
		assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).startsWith("http://127.0.0.1:51234/")
			.contains("error=invalid_request");
		HttpResponse<String> withPkce = http.send(
				HttpRequest
					.newBuilder(URI.create(authorize + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
							+ "&code_challenge_method=S256"))
					.header("Accept", "text/html")
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withPkce.statusCode()).isEqualTo(302);
		assertThat(withPkce.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private static HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(issuer.tokenUri())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> requestToken(String clientId, String secret, String form)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(issuer.tokenUri())
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
