package io.rollcall.devstack.issuer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

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

	@Bean
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
		return http.oauth2AuthorizationServer((server) -> server.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(DevIssuerProperties properties) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
		List<RegisteredClient> clients = properties.clients()
			.stream()
			.map((client) -> RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientSecret("{noop}" + client.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((scopes) -> scopes.addAll(client.scopes()))
				.tokenSettings(tokens)
				.build())
			.toList();
		return new InMemoryRegisteredClientRepository(clients);
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
	 * {@code scope} gets all of the client's scopes, as most hosted issuers do.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> rollcallClaims(DevIssuerProperties properties) {
		Map<String, DevIssuerProperties.Client> clients = properties.clients()
			.stream()
			.collect(Collectors.toMap(DevIssuerProperties.Client::clientId, Function.identity()));
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			DevIssuerProperties.Client client = clients.get(context.getRegisteredClient().getClientId());
			Set<String> scopes = context.getAuthorizedScopes().isEmpty() ? new LinkedHashSet<>(client.scopes())
					: context.getAuthorizedScopes();
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
