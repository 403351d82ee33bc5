package io.rollcall.devstack.issuer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The issuer's application context, deliberately without {@code @Configuration} and
 * {@code @EnableAutoConfiguration}: devstack sits on the test classpath of the api, and
 * the issuer must neither be picked up by the api's component scan nor auto-configure the
 * api's GraphQL, Redis or Elasticsearch beans for itself. It imports only the servlet web
 * stack and configures Spring Authorization Server by hand (Boot's authorization-server
 * auto-configuration would, in turn, leak a {@code JwtDecoder} into the api's context).
 * <p>
 * The signing key and the {@code AuthorizationServerSettings} (issuer URI) are registered
 * by {@link DevIssuer} before the context refreshes.
 */
@EnableWebSecurity
@EnableConfigurationProperties(DevIssuerProperties.class)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class })
class DevIssuerConfiguration {

	/**
	 * The authorization server's endpoints, the login form of the browser clients' users,
	 * and CORS for pages on other origins (the api's dashboard page exchanges its code at
	 * the token endpoint from the browser).
	 */
	@Bean
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, DevIssuerProperties properties)
			throws Exception {
		return http.oauth2AuthorizationServer((server) -> server.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.cors((cors) -> cors.configurationSource(browserOrigins(properties)))
			.build();
	}

	private static CorsConfigurationSource browserOrigins(DevIssuerProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Content-Type"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/oauth2/token", cors);
		source.registerCorsConfiguration("/.well-known/**", cors);
		return source;
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(DevIssuerProperties properties) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
		Stream<RegisteredClient> machines = properties.clients()
			.stream()
			.map((client) -> RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientSecret("{noop}" + client.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((scopes) -> scopes.addAll(client.scopes()))
				.tokenSettings(tokens)
				.build());
		Stream<RegisteredClient> pages = properties.browserClients()
			.stream()
			.map((client) -> RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUris((uris) -> uris.addAll(client.redirectUris()))
				.scopes((scopes) -> scopes.addAll(client.scopes()))
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(tokens)
				.build());
		return new InMemoryRegisteredClientRepository(Stream.concat(machines, pages).toList());
	}

	/** The browser clients' users, with {@code {noop}} passwords (development only). */
	@Bean
	UserDetailsService users(DevIssuerProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.username()).password("{noop}" + user.password()).build())
			.toList());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
		return new ImmutableJWKSet<>(new JWKSet(signingKey));
	}

	/**
	 * OIDC's user-info endpoint authenticates with the issuer's own tokens; nothing else
	 * uses it.
	 */
	@Bean
	JwtDecoder jwtDecoder(RSAKey signingKey) throws JOSEException {
		return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
	}

	/**
	 * Adds the claims the api reads. {@code scope} becomes a space-separated string (RFC
	 * 9068) rather than Spring Authorization Server's JSON array, and a request without
	 * {@code scope} gets all of the client's scopes, as most hosted issuers do. A
	 * signed-in user's token carries the claims of the client the user is configured with
	 * ({@code claims-of}), its scopes those the page asked for that this client has.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> rollcallClaims(DevIssuerProperties properties) {
		Map<String, DevIssuerProperties.Client> clients = properties.clients()
			.stream()
			.collect(Collectors.toMap(DevIssuerProperties.Client::clientId, Function.identity()));
		Map<String, String> claimsOfUser = properties.users()
			.stream()
			.collect(Collectors.toMap(DevIssuerProperties.User::username, DevIssuerProperties.User::claimsOf));
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			boolean user = AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType());
			DevIssuerProperties.Client client = clients.get(user ? claimsOfUser.get(context.getPrincipal().getName())
					: context.getRegisteredClient().getClientId());
			Set<String> scopes = context.getAuthorizedScopes().isEmpty() ? new LinkedHashSet<>(client.scopes())
					: new LinkedHashSet<>(context.getAuthorizedScopes());
			if (user) {
				scopes.retainAll(client.scopes());
			}
			context.getClaims()
				.audience(List.of(properties.audience()))
				.claim("scope", String.join(" ", scopes))
				.claim("tenant_id", client.tenantId())
				.claim("role", client.role());
			if (!client.teamIds().isEmpty()) {
				context.getClaims().claim("team_ids", client.teamIds());
			}
		};
	}

}
