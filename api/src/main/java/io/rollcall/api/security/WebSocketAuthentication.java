package io.rollcall.api.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authenticates GraphQL WebSocket connections (graphql-transport-ws) by the token in the
 * {@code connection_init} payload, {@code {"Authorization": "Bearer <token>"}}: browsers
 * cannot set headers on a WebSocket handshake, so the handshake itself is anonymous. The
 * token goes through the same {@link JwtDecoder} bean as HTTP requests, hence the same
 * signature, issuer, audience, clock-skew and tenant rules.
 * <ul>
 * <li>no token, or an invalid one: the socket is closed with {@code 4401};</li>
 * <li>a valid token without {@code analytics:read}: closed with {@code 4403};</li>
 * <li>the token expires while connected: closed with {@code 4401} at its {@code exp}, so
 * a revoked partner cannot keep listening on an old connection.</li>
 * </ul>
 * Spring for GraphQL's own {@code AuthenticationWebSocketInterceptor} is not used: it
 * acknowledges a {@code connection_init} without a token, and knows neither 4403 nor
 * expiry.
 */
@Component
// First of the interceptors: the ones after it (rate limits) need the caller it restores.
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

	static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

	static final CloseStatus EXPIRED = new CloseStatus(4401, "Token expired");

	private static final Logger log = LoggerFactory.getLogger(WebSocketAuthentication.class);

	private static final String CONTEXT = WebSocketAuthentication.class.getName() + ".context";

	private static final String EXPIRY = WebSocketAuthentication.class.getName() + ".expiry";

	private final JwtAuthenticationProvider tokens;

	private final BearerTokenAuthenticationExtractor extractor = new BearerTokenAuthenticationExtractor();

	private final Clock clock;

	WebSocketAuthentication(JwtDecoder decoder, Clock clock) {
		this.tokens = new JwtAuthenticationProvider(decoder);
		this.clock = clock;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		return this.extractor.getAuthentication(payload)
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("no bearer token in connection_init")))
			.map(this.tokens::authenticate)
			.flatMap(authentication -> accept(info, authentication))
			// The handler closes the socket with 4401 on any error of this Mono.
			.doOnError(AuthenticationException.class,
					ex -> log.debug("WebSocket {} refused: {}", info.getId(), ex.getMessage()));
	}

	private Mono<Object> accept(WebSocketSessionInfo info, Authentication authentication) {
		WebSocketSession session = SessionExposingWebSocketHandler.session(info);
		if (authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(Scopes.ANALYTICS_READ::equals)) {
			close(session, FORBIDDEN);
			return Mono.error(new BadCredentialsException("token lacks analytics:read"));
		}
		info.getAttributes().put(CONTEXT, new SecurityContextImpl(authentication));
		if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getExpiresAt() != null) {
			Duration left = Duration.between(Instant.now(this.clock), jwt.getExpiresAt());
			Disposable expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left)
				.subscribe(tick -> close(session, EXPIRED));
			info.getAttributes().put(EXPIRY, expiry);
		}
		return Mono.empty();
	}

	/**
	 * Runs every operation of an authenticated socket with its caller's security context,
	 * so services see the same {@code Caller} and scopes as over HTTP.
	 */
	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
		if (request instanceof WebSocketGraphQlRequest socket
				&& socket.getSessionInfo().getAttributes().get(CONTEXT) instanceof SecurityContext context) {
			// The key Spring Security's ThreadLocalAccessor restores the context from.
			return chain.next(request).contextWrite(Context.of(SecurityContext.class.getName(), context));
		}
		return chain.next(request);
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
		if (info.getAttributes().get(EXPIRY) instanceof Disposable expiry) {
			expiry.dispose();
		}
	}

	private static void close(WebSocketSession session, CloseStatus status) {
		try {
			if (session.isOpen()) {
				session.close(status);
			}
		}
		catch (IOException ex) {
			log.debug("Could not close WebSocket {}: {}", session.getId(), ex.getMessage());
		}
	}

}
