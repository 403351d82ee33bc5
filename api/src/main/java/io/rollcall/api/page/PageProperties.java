package io.rollcall.api.page;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard page's settings, handed to the page by {@code GET /dashboard/config}.
 *
 * @param enabled whether the api serves the page at {@code /} (on in the local stack; the
 * Helm chart turns it on with {@code api.page.enabled})
 * @param clientId the issuer's public client (authorization code with PKCE, no secret)
 * the page signs in as
 * @param scope the scopes the page asks for: reading dashboards is all it does
 * @param programId the program shown when the page's address names none
 * ({@code ?program=})
 * @param refreshInterval the least time between two refetches of the panels that the
 * change feed marks stale (activity, drop-off, leaderboard, reps): each refetch is
 * charged to the signed-in user's rate-limit buckets, the live tiles are not refetched
 */
@Validated
@ConfigurationProperties("rollcall.page")
record PageProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("rollcall-dashboard") @NotBlank String clientId,
		@DefaultValue("analytics:read") @NotBlank String scope, @DefaultValue("onboarding") @NotBlank String programId,
		@DefaultValue("10s") Duration refreshInterval) {
}
