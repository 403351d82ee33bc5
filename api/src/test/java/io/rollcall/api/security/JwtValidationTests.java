package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtValidationTests {

	private final JwtValidation validation = new JwtValidation();

	private final SecurityProperties properties = new SecurityProperties("http://127.0.0.1:9000", "rollcall-api",
			Duration.ofSeconds(30), new SecurityProperties.Claims("tenant_id", "role", "team_ids", "client_id"), false,
			new SecurityProperties.Cors(List.of(), Duration.ofMinutes(30)),
			new SecurityProperties.TokenCache(10_000, Duration.ofMinutes(5)));

	private final OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List
		.of(validation.timestamps(properties), validation.audience(properties), validation.tenantClaim(properties)));

	@Test
	void acceptsAFreshTokenForThisApiWithATenant() {
		assertThat(validator.validate(token(Map.of("tenant_id", "demo"), "rollcall-api", Instant.now().plusSeconds(60)))
			.hasErrors()).isFalse();
	}

	@Test
	void refusesATokenWithoutTenant() {
		assertThat(validator.validate(token(Map.of(), "rollcall-api", Instant.now().plusSeconds(60))).getErrors())
			.singleElement()
			.satisfies(error -> assertThat(error.getDescription()).contains("tenant_id"));
		assertThat(validator.validate(token(Map.of("tenant_id", " "), "rollcall-api", Instant.now().plusSeconds(60)))
			.hasErrors()).isTrue();
	}

	@Test
	void refusesATokenForAnotherAudience() {
		assertThat(validator.validate(token(Map.of("tenant_id", "demo"), "billing-api", Instant.now().plusSeconds(60)))
			.getErrors()).singleElement().satisfies(error -> assertThat(error.getDescription()).contains("aud"));
	}

	@Test
	void toleratesThirtySecondsOfClockSkewAndNoMore() {
		assertThat(
				validator.validate(token(Map.of("tenant_id", "demo"), "rollcall-api", Instant.now().minusSeconds(20)))
					.hasErrors())
			.isFalse();
		assertThat(
				validator.validate(token(Map.of("tenant_id", "demo"), "rollcall-api", Instant.now().minusSeconds(45)))
					.hasErrors())
			.isTrue();
	}

	@Test
	void refusesATokenWithoutExpiry() {
		Jwt forever = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.audience(List.of("rollcall-api"))
			.claim("tenant_id", "demo")
			.build();

		assertThat(validator.validate(forever).hasErrors()).isTrue();
	}

	@Test
	void refusesATenantThatIsNotAnIdentifier() {
		assertThat(validator
			.validate(token(Map.of("tenant_id", "demo,other"), "rollcall-api", Instant.now().plusSeconds(60)))
			.hasErrors()).isTrue();
	}

	@Test
	void claimNamesAreConfigurable() {
		SecurityProperties keycloak = new SecurityProperties("http://issuer", "rollcall-api", Duration.ofSeconds(30),
				new SecurityProperties.Claims("org_id", "rollcall_role", "groups", "azp"), false,
				new SecurityProperties.Cors(List.of(), Duration.ofMinutes(30)),
				new SecurityProperties.TokenCache(10_000, Duration.ofMinutes(5)));
		Jwt jwt = token(Map.of("org_id", "demo", "azp", "crm", "rollcall_role", "manager", "groups", List.of("team-1")),
				"rollcall-api", Instant.now().plusSeconds(60));

		assertThat(validation.tenantClaim(keycloak).validate(jwt).hasErrors()).isFalse();
		assertThat(new Callers(keycloak).fromToken(jwt))
			.isEqualTo(new Caller("demo", "crm", "manager", List.of("team-1")));
	}

	@Test
	void onlyAsymmetricAlgorithms() {
		assertThat(JwtValidation.ALGORITHMS).extracting(Enum::name).containsExactlyInAnyOrder("RS256", "ES256");
	}

	@Test
	void theCallerComesFromTheClaims() {
		Jwt jwt = token(Map.of("tenant_id", "demo", "client_id", "demo-manager", "role", "manager", "team_ids",
				List.of("team-1")), "rollcall-api", Instant.now().plusSeconds(60));

		assertThat(new Callers(properties).fromToken(jwt))
			.isEqualTo(new Caller("demo", "demo-manager", "manager", List.of("team-1")));
	}

	private static Jwt token(Map<String, Object> claims, String audience, Instant expiresAt) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("demo-admin")
			.audience(List.of(audience))
			.issuedAt(expiresAt.minusSeconds(3600))
			.expiresAt(expiresAt)
			.claims(all -> all.putAll(claims))
			.build();
	}

}
