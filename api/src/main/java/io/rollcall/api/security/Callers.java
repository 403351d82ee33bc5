package io.rollcall.api.security;

import io.rollcall.api.error.RollcallException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.util.context.ContextView;

/** Gives services the {@link Caller} of the current request, derived from its JWT. */
@Component
public class Callers {

	/**
	 * The names of the claims Rollcall reads from tokens (configurable, see
	 * docs/SECURITY.md).
	 */
	private final SecurityProperties.Claims claims;

	Callers(SecurityProperties properties) {
		this.claims = properties.claims();
	}

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

	/**
	 * The caller of a GraphQL operation running with {@code context}: over WebSocket the
	 * security context travels in the Reactor context (see
	 * {@code WebSocketAuthentication}), over HTTP in the request's thread.
	 */
	public Caller current(ContextView context) {
		return context.<SecurityContext>getOrEmpty(SecurityContext.class.getName())
			.map(SecurityContext::getAuthentication)
			.filter(authentication -> authentication.getPrincipal() instanceof Jwt)
			.map(authentication -> fromToken((Jwt) authentication.getPrincipal()))
			.orElseGet(this::current);
	}

	/** The caller a validated token stands for. */
	public Caller fromToken(Jwt jwt) {
		String clientId = jwt.hasClaim(claims.client()) ? jwt.getClaimAsString(claims.client()) : jwt.getSubject();
		List<String> teamIds = jwt.hasClaim(claims.teams()) ? jwt.getClaimAsStringList(claims.teams()) : List.of();
		return new Caller(jwt.getClaimAsString(claims.tenant()), clientId, jwt.getClaimAsString(claims.role()),
				teamIds);
	}

}
