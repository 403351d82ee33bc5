package io.rollcall.api.security;

import io.rollcall.api.error.RollcallException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Gives services the {@link Caller} of the current request, derived from its JWT. */
@Component
public class Callers {

	/**
	 * Claims Rollcall reads from tokens (see DevIssuer and the partner documentation).
	 */
	static final String TENANT_ID = "tenant_id";
	static final String CLIENT_ID = "client_id";
	static final String ROLE = "role";
	static final String TEAM_IDS = "team_ids";

	/**
	 * The caller of the current request.
	 * @throws RollcallException with code {@code UNAUTHENTICATED} when the request has no
	 * JWT
	 */
	public Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return fromToken(jwt);
		}
		throw new NotAuthenticatedException();
	}

	static Caller fromToken(Jwt jwt) {
		String clientId = jwt.hasClaim(CLIENT_ID) ? jwt.getClaimAsString(CLIENT_ID) : jwt.getSubject();
		List<String> teamIds = jwt.hasClaim(TEAM_IDS) ? jwt.getClaimAsStringList(TEAM_IDS) : List.of();
		return new Caller(jwt.getClaimAsString(TENANT_ID), clientId, jwt.getClaimAsString(ROLE), teamIds);
	}

}
