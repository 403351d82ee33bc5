package io.rollcall.api.security;

import java.time.Duration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring for GraphQL's WebSocket handler, plus one thing it does not offer: interceptors
 * can reach the {@link WebSocketSession} (through its attributes) to close it with a code
 * of their own, 4403 or 4401 at token expiry (see {@link WebSocketAuthentication}).
 */
class SessionExposingWebSocketHandler extends GraphQlWebSocketHandler {

	private static final String SESSION = SessionExposingWebSocketHandler.class.getName() + ".session";

	SessionExposingWebSocketHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter,
			Duration initTimeout, Duration keepAlive, CorsConfiguration cors) {
		super(handler, converter, initTimeout, keepAlive, cors);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		session.getAttributes().put(SESSION, session);
		super.afterConnectionEstablished(session);
	}

	static WebSocketSession session(WebSocketSessionInfo info) {
		if (info.getAttributes().get(SESSION) instanceof WebSocketSession session) {
			return session;
		}
		throw new IllegalStateException("WebSocket session " + info.getId() + " was not registered");
	}

}
