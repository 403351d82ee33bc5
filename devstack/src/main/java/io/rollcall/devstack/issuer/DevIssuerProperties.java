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
 */
@Validated
@ConfigurationProperties("rollcall.dev-issuer")
record DevIssuerProperties(@DefaultValue("rollcall-api") @NotBlank String audience,
		@DefaultValue("1h") @NotNull Duration tokenTimeToLive, @NotEmpty List<@Valid Client> clients) {

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

}
