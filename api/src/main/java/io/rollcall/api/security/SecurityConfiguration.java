package io.rollcall.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request needs a valid bearer token except {@code /actuator/health} (probes), the
 * Prometheus scrape {@code /actuator/prometheus} where only Prometheus reaches it (see
 * {@link #metricsScrape}), the GraphiQL page (static HTML and scripts, under
 * {@code /graphiql} and {@code /webjars}; the queries it sends need a token like any
 * other) and the dashboard page ({@code /} and {@code /dashboard/**}, the same); the
 * schema ({@code GET /graphql/schema}) needs {@code analytics:read}. Scopes are checked
 * here for REST and, for GraphQL fields, by {@code @PreAuthorize} on the services, which
 * REST goes through too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The dashboard page's document (see
	 * {@link EdgeConfiguration#pageContentSecurityPolicy}).
	 */
	private static final RequestMatcher DASHBOARD_PAGE = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.GET, "/");

	/**
	 * No observations of Spring Security's own filters, authentications and
	 * authorizations: they wrap each filter of every request (twice for an asynchronous
	 * one) in an observation, a visible share of the request threads' CPU in a profile of
	 * the dashboard benchmark, and nothing reads them. Requests stay observed as a whole
	 * ({@code http.server.requests}, {@code graphql.request}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	WebGraphQlInterceptor introspectionInterceptor(SecurityProperties properties) {
		return new IntrospectionInterceptor(properties.introspectionEnabled());
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, SecurityProperties properties,
			Environment environment) {
		JsonSecurityErrors errors = new JsonSecurityErrors(json);
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(metricsScrape(ManagementPortType.get(environment) == ManagementPortType.DIFFERENT))
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**", "/webjars/**")
				.permitAll()
				// The dashboard page, its modules and its settings (no secret among
				// them).
				.requestMatchers(HttpMethod.GET, "/", "/dashboard/**")
				.permitAll()
				// The WebSocket handshake carries no token; connection_init does (see
				// WebSocketAuthentication).
				.requestMatchers(SecurityConfiguration::isGraphQlHandshake)
				.permitAll()
				// The SDL, for code generators and IDEs: what the dashboards scope may
				// query.
				.requestMatchers(HttpMethod.GET, "/graphql/schema")
				.hasAuthority(Scopes.ANALYTICS_READ)
				.requestMatchers(HttpMethod.POST, "/v1/events")
				.hasAuthority(Scopes.EVENTS_WRITE)
				.requestMatchers(HttpMethod.PUT, "/v1/programs/*")
				.hasAuthority(Scopes.EVENTS_WRITE)
				.requestMatchers("/v1/contacts", "/v1/contacts/**")
				.hasAuthority(Scopes.CONTACTS_WRITE)
				.requestMatchers(HttpMethod.GET, "/v1/usage")
				.hasAuthority(Scopes.ANALYTICS_READ)
				.requestMatchers(HttpMethod.GET, "/v1/usage/tenant")
				.hasAuthority(Scopes.USAGE_READ_TENANT)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			// Stateless bearer-token API: no session, no cookie, hence no CSRF exposure.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.cors(cors -> cors.configurationSource(EdgeConfiguration.corsSource(properties)))
			// Spring Security's defaults (nosniff, frame DENY, no-cache, HSTS on HTTPS
			// requests) plus a CSP and no referrer. GraphQL GET answers set their own
			// Cache-Control (an ETag and "private, no-cache", else "no-store"): Spring
			// Security writes its headers before an asynchronous answer exists.
			.headers(headers -> headers.cacheControl(cache -> cache.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(
								PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/graphql")),
						new CacheControlHeadersWriter()))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DASHBOARD_PAGE,
						new ContentSecurityPolicyHeaderWriter(
								EdgeConfiguration.pageContentSecurityPolicy(properties.issuerUri()))))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(DASHBOARD_PAGE),
						new ContentSecurityPolicyHeaderWriter(EdgeConfiguration.CONTENT_SECURITY_POLICY)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	/**
	 * The Prometheus scrape, without a token: on a management port of its own (the
	 * chart's setup: this filter chain guards that port too, no public Service leads to
	 * it, and its NetworkPolicy admits Prometheus only), or from the loopback interface
	 * (the local run, where the api binds to 127.0.0.1). An api whose management
	 * endpoints share a public port answers an outside scrape with 401.
	 */
	private static RequestMatcher metricsScrape(boolean separateManagementPort) {
		return request -> request.getRequestURI().equals(request.getContextPath() + "/actuator/prometheus")
				&& (separateManagementPort || isLoopback(request.getRemoteAddr()));
	}

	private static boolean isLoopback(String address) {
		try {
			return InetAddress.ofLiteral(address).isLoopbackAddress();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isGraphQlHandshake(HttpServletRequest request) {
		return "GET".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/graphql")
				&& "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
	}

}
