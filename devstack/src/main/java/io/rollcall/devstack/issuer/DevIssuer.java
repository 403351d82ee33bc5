package io.rollcall.devstack.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import io.rollcall.devstack.process.FreePort;

/**
 * A development OAuth2 issuer on 127.0.0.1: client-credentials JWTs (RS256, a key
 * generated at start-up) for the demo clients of {@code dev-issuer.yml}, with the claims
 * the api reads ({@code aud}, {@code tenant_id}, {@code scope}, {@code role},
 * {@code team_ids}). Endpoints are Spring Authorization Server's defaults:
 * {@code /oauth2/token}, {@code /oauth2/jwks}, {@code /.well-known/openid-configuration}
 * and {@code /.well-known/oauth-authorization-server}.
 */
public final class DevIssuer implements AutoCloseable {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static DevIssuer global;

	private final ConfigurableApplicationContext context;

	private final URI issuerUri;

	private final RSAKey signingKey;

	private DevIssuer(ConfigurableApplicationContext context, URI issuerUri, RSAKey signingKey) {
		this.context = context;
		this.issuerUri = issuerUri;
		this.signingKey = signingKey;
	}

	/**
	 * Starts an issuer.
	 * @param port the port on 127.0.0.1; 0 for a free one (the local stack uses 9000)
	 */
	public static DevIssuer start(int port) {
		int actualPort = (port != 0) ? port : FreePort.find();
		URI issuerUri = URI.create("http://127.0.0.1:" + actualPort);
		RSAKey signingKey = generateKey();
		SpringApplication application = new SpringApplication(DevIssuerConfiguration.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("devIssuerSigningKey", signingKey);
			context.getBeanFactory()
				.registerSingleton("authorizationServerSettings",
						AuthorizationServerSettings.builder().issuer(issuerUri.toString()).build());
		});
		// Command-line arguments outrank system properties and the host application's
		// files: the issuer
		// reads only dev-issuer.yml, whatever the JVM it runs in.
		ConfigurableApplicationContext context = application.run("--spring.config.name=dev-issuer",
				"--server.address=127.0.0.1", "--server.port=" + actualPort);
		return new DevIssuer(context, issuerUri, signingKey);
	}

	/**
	 * One issuer per JVM on a free port, started on first use, stopped when the JVM
	 * exits.
	 */
	public static synchronized DevIssuer global() {
		if (global == null) {
			global = start(0);
		}
		return global;
	}

	private static RSAKey generateKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
				.privateKey((RSAPrivateKey) keyPair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JDK cannot generate RSA keys", ex);
		}
	}

	/** {@code http://127.0.0.1:<port>}: the {@code iss} claim and the discovery base. */
	public URI issuerUri() {
		return this.issuerUri;
	}

	public URI tokenUri() {
		return this.issuerUri.resolve("/oauth2/token");
	}

	public URI jwksUri() {
		return this.issuerUri.resolve("/oauth2/jwks");
	}

	/**
	 * The public half of the signing key, e.g. to forge an HS256 token keyed with it in
	 * security tests.
	 */
	public RSAPublicKey publicKey() {
		try {
			return this.signingKey.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code kid} of the signing key. */
	public String keyId() {
		return this.signingKey.getKeyID();
	}

	/**
	 * Spring Boot resource-server properties pointing at this issuer, for
	 * {@code @DynamicPropertySource}.
	 */
	public Map<String, String> springProperties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", this.issuerUri.toString(),
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwksUri().toString());
	}

	/**
	 * Gets an access token with the client-credentials grant (all the client's scopes).
	 * @throws IllegalStateException when the issuer refuses, e.g. for a wrong secret
	 */
	public String token(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(tokenUri())
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("Token request for " + clientId + " returned " + response.statusCode()
						+ ": " + response.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the issuer at " + tokenUri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while getting a token", ex);
		}
	}

	/**
	 * Signs {@code claims} with this issuer's real key (RS256, its {@code kid}), exactly
	 * as the token endpoint would, but with whatever claims the caller wants: expired,
	 * not yet valid, another audience, no tenant. <b>Development and tests only</b>: it
	 * lets security tests prove that the api rejects well-signed tokens for their claims
	 * alone; a real issuer never offers such a door.
	 * @see #claims(String, String)
	 */
	public String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(this.signingKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a test token", ex);
		}
	}

	/**
	 * The claims of a valid access token of this issuer for {@code tenantId} with
	 * {@code scope} (space-separated), valid for 5 minutes from now: a starting point for
	 * {@link #sign(JWTClaimsSet)} that tests then break one claim at a time.
	 * <b>Development and tests only.</b>
	 */
	public JWTClaimsSet.Builder claims(String tenantId, String scope) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuerUri.toString())
			.subject("test-client")
			.audience("rollcall-api")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("client_id", "test-client")
			.claim("tenant_id", tenantId)
			.claim("scope", scope)
			.claim("role", "admin");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
