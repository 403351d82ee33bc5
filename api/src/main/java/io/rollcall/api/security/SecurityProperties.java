package io.rollcall.api.security;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are checked.
 *
 * @param issuerUri the OAuth2 issuer; its discovery document and keys are fetched lazily,
 * on the first token, so the api can start before the issuer (mapped to Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} in
 * {@code rollcall-api.yml})
 * @param audience the {@code aud} value a token must carry to be accepted by this api
 * @param clockSkew how far {@code exp}/{@code nbf} may be off between the issuer's clock
 * and ours; small (30 s rather than Spring's 60 s) so an expired token stops working
 * promptly
 */
@Validated
@ConfigurationProperties("rollcall.security")
record SecurityProperties(@DefaultValue("http://127.0.0.1:9000") @NotBlank String issuerUri,
		@DefaultValue("rollcall-api") @NotBlank String audience, @DefaultValue("30s") Duration clockSkew) {
}
