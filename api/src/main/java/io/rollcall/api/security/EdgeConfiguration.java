package io.rollcall.api.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api's edge towards browsers and sockets: which origins may call it (HTTP and the
 * WebSocket handshake alike) and which response headers their scripts may read, the
 * headers every response carries (the request id among them), and the GraphQL WebSocket
 * handler that {@link WebSocketAuthentication} can close.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	/**
	 * Responses are JSON, except the GraphiQL page and the dashboard page, whose scripts,
	 * styles and fonts all come from this origin (WebJars packaged with the api) and
	 * which talks to this origin only: no other host, no inline script. Inline styles
	 * stay allowed, since GraphiQL's editor sets style attributes. Nothing may frame any
	 * of it.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/**
	 * The dashboard page ({@code GET /}) under the same policy, but for one more origin
	 * it may connect to: the OAuth2 issuer's, whose token endpoint it calls from the
	 * browser (authorization code with PKCE) and which answers it with CORS. Only the
	 * page's own document carries this policy; scripts it loads still come from this
	 * origin only.
	 */
	static String pageContentSecurityPolicy(String issuerUri) {
		URI issuer = URI.create(issuerUri);
		String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return CONTENT_SECURITY_POLICY.replace("connect-src 'self';", "connect-src 'self' " + origin + ";");
	}

	/**
	 * Response headers a browser page may read besides the CORS-safelisted ones: the
	 * retry hint and the rate-limit headers of a 429 or 503 (without them a frontend
	 * cannot back off as told), and the request id to quote in a support request.
	 */
	static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.RETRY_AFTER, "RateLimit", "RateLimit-Policy",
			RequestIdFilter.HEADER);

	/**
	 * CORS for the filter chain (not a bean: MVC's introspector is one already, and
	 * Spring Security would have to pick).
	 */
	static CorsConfigurationSource corsSource(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		cors(properties).ifPresent(configuration -> source.registerCorsConfiguration("/**", configuration));
		return source;
	}

	/**
	 * Replaces Boot's handler (same settings, from {@code spring.graphql.websocket.*}) so
	 * that sockets can be closed with 4403 and at token expiry; its handshake accepts the
	 * same origins as CORS.
	 */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties graphQl,
			JsonMapper json, SecurityProperties properties) {
		return new SessionExposingWebSocketHandler(handler, new JacksonJsonHttpMessageConverter(json),
				graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(),
				cors(properties).orElseGet(CorsConfiguration::new));
	}

	/** The request id: the first filter of all, before the body limits and security. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static Optional<CorsConfiguration> cors(SecurityProperties properties) {
		List<String> origins = properties.cors().allowedOrigins();
		if (origins.isEmpty()) {
			return Optional.empty();
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", RequestIdFilter.HEADER));
		configuration.setExposedHeaders(EXPOSED_HEADERS);
		// Bearer tokens, not cookies: browsers need not send credentials.
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(properties.cors().maxAge());
		return Optional.of(configuration);
	}

}
