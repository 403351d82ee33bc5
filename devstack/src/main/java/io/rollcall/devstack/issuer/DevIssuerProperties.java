package io.rollcall.devstack.issuer;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The development issuer's clients and token shape, from {@code dev-issuer.yml}.
 *
 * @param audience the {@code aud} claim of every access token
 * @param tokenTimeToLive how long an access token is valid
 * @param clients the client-credentials clients that may get tokens
 * @param users the people who may sign in through the login form, for the browser clients
 * @param browserClients public clients that sign users in with the authorization code
 * grant and PKCE, such as the api's dashboard page
 * @param allowedOrigins the origins (Spring's CORS patterns) whose pages may call the
 * token endpoint from a browser; every loopback port by default, since the dashboard page
 * is served by the api, not by the issuer
 */
@Validated
@ConfigurationProperties("rollcall.dev-issuer")
record DevIssuerProperties(@DefaultValue("rollcall-api") @NotBlank String audience,
		@DefaultValue("1h") @NotNull Duration tokenTimeToLive, @NotEmpty List<@Valid Client> clients,
		@DefaultValue List<@Valid User> users, @DefaultValue List<@Valid BrowserClient> browserClients, @DefaultValue( {
				"http://127.0.0.1:[*]", "http://localhost:[*]" }) List<String> allowedOrigins){

	/**
	 * A client authenticating with HTTP basic auth (client secret basic).
	 *
	 * @param clientId the client id
	 * @param clientSecret the client secret, stored as plain text: this issuer is for
	 * development only
	 * @param tenantId the {@code tenant_id} claim: the tenant the client acts for
	 * @param scopes the scopes the client may get; all of them when the token request
	 * names none
	 * @param role the {@code role} claim
	 * @param teamIds the {@code team_ids} claim, omitted when empty: the teams a manager
	 * may see
	 */
	record Client(@NotBlank String clientId, @NotBlank String clientSecret, @NotBlank String tenantId,
			@NotEmpty List<@NotBlank String> scopes, @DefaultValue("admin") @NotBlank String role,
			@DefaultValue List<String> teamIds) {
	}

	/**
	 * A person signing in with a password, whose tokens carry the claims of a client.
	 *
	 * @param username the login name (also the {@code sub} claim)
	 * @param password the password, stored as plain text: this issuer is for development
	 * only
	 * @param claimsOf the client (of {@code clients}) whose {@code tenant_id},
	 * {@code role} and {@code team_ids} claims the user's tokens carry, and whose scopes
	 * bound theirs
	 */
	record User(@NotBlank String username, @NotBlank String password, @NotBlank String claimsOf) {
	}

	/**
	 * A public client (no secret) for a browser page: authorization code grant with PKCE,
	 * no consent screen.
	 *
	 * @param clientId the client id
	 * @param redirectUris where the issuer may send the code; a loopback address
	 * ({@code 127.0.0.1}) matches on any port (RFC 8252, 7.3), so one entry serves every
	 * port the api listens on
	 * @param scopes the scopes the page may ask for
	 */
	record BrowserClient(@NotBlank String clientId, @NotEmpty List<@NotBlank String> redirectUris,
			@NotEmpty List<@NotBlank String> scopes) {
	}

}
