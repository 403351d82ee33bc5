package io.rollcall.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are checked, and how the api hardens its edge.
 *
 * @param issuerUri the OAuth2 issuer; its discovery document and keys are fetched lazily,
 * on the first token, so the api can start before the issuer (mapped to Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} in
 * {@code rollcall-api.yml})
 * @param audience the {@code aud} value a token must carry to be accepted by this api
 * @param clockSkew how far {@code exp}/{@code nbf} may be off between the issuer's clock
 * and ours; small (30 s rather than Spring's 60 s) so an expired token stops working
 * promptly
 * @param claims the names of the claims Rollcall reads, for issuers that cannot emit
 * Rollcall's own names
 * @param introspectionEnabled whether GraphQL introspection ({@code __schema},
 * {@code __type}) answers (authenticated callers only, like every GraphQL request); off
 * by default so production does not hand out a map of the API to every token (tools get
 * the SDL from {@code GET /graphql/schema} with {@code analytics:read}), on in the local
 * stack for GraphiQL; applied per request by {@link IntrospectionInterceptor}
 * @param cors which browser origins may call the api
 * @param tokenCache how validated tokens are remembered
 */
@Validated
@ConfigurationProperties("rollcall.security")
record SecurityProperties(@DefaultValue("http://127.0.0.1:9000") @NotBlank String issuerUri,
		@DefaultValue("rollcall-api") @NotBlank String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue @Valid @NotNull Claims claims, @DefaultValue("false") boolean introspectionEnabled,
		@DefaultValue @Valid @NotNull Cors cors, @DefaultValue @Valid @NotNull TokenCache tokenCache) {

	/**
	 * Claim names. Scopes are read by Spring Security from {@code scope} or {@code scp}
	 * (string or array), whichever the issuer sends.
	 *
	 * @param tenant the claim naming the caller's tenant; required, every query and write
	 * is scoped by it
	 * @param role the claim with the caller's role ({@code admin} or {@code manager})
	 * @param teams the claim with the teams a manager may see (array)
	 * @param client the claim naming the OAuth2 client, else the subject is used
	 */
	public record Claims(@DefaultValue("tenant_id") @NotBlank String tenant,
			@DefaultValue("role") @NotBlank String role, @DefaultValue("team_ids") @NotBlank String teams,
			@DefaultValue("client_id") @NotBlank String client) {
	}

	/**
	 * Cross-origin access for browser frontends.
	 *
	 * @param allowedOrigins origins (e.g. {@code https://app.example.com}) whose pages
	 * may call the api; none by default, so browsers refuse cross-origin calls until a
	 * frontend is listed
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@DefaultValue List<@NotBlank String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
	}

	/**
	 * Validated tokens remembered by their text, so a client's token is checked once, not
	 * on every request (see {@code CachedTokens}).
	 *
	 * @param maxEntries the most tokens remembered (about a kilobyte each); 0 checks
	 * every request's token
	 * @param maxAge the longest a token is remembered, even when its {@code exp} is
	 * later: bounds how long a token keeps working once its signing key is withdrawn from
	 * the issuer's key set (a token is never remembered past its {@code exp})
	 */
	public record TokenCache(@DefaultValue("10000") @Min(0) int maxEntries, @DefaultValue("5m") Duration maxAge) {
	}

}
