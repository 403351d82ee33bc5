package io.rollcall.api.security;

import java.time.Duration;
import java.util.List;

/**
 * {@link Callers} as the api configures them by default, for other packages' unit tests.
 */
public final class TestCallers {

	private TestCallers() {
	}

	public static Callers withDefaultClaims() {
		return new Callers(new SecurityProperties("http://127.0.0.1:9000", "rollcall-api", Duration.ofSeconds(30),
				new SecurityProperties.Claims("tenant_id", "role", "team_ids", "client_id"), false,
				new SecurityProperties.Cors(List.of(), Duration.ofMinutes(30)),
				new SecurityProperties.TokenCache(10_000, Duration.ofMinutes(5))));
	}

}
