package io.rollcall.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request needs a valid bearer token except {@code /actuator/health} (probes) and
 * the GraphiQL page (static HTML; the queries it sends need a token like any other).
 * Scopes are checked here for REST and, for GraphQL fields, by {@code @PreAuthorize} on
 * the services, which REST goes through too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) {
		JsonSecurityErrors errors = new JsonSecurityErrors(json);
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/v1/events")
				.hasAuthority(Scopes.EVENTS_WRITE)
				.requestMatchers("/v1/contacts", "/v1/contacts/**")
				.hasAuthority(Scopes.CONTACTS_WRITE)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			// Stateless bearer-token API: no session, no cookie, hence no CSRF exposure.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

}
