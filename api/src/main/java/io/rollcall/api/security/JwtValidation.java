package io.rollcall.api.security;

import io.rollcall.schema.json.Identifiers;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a token must satisfy, on top of the signature and issuer checks of Boot's
 * issuer-uri decoder (which discovers the issuer lazily, on the first token). Boot adds
 * every {@code OAuth2TokenValidator<Jwt>} bean to its decoder; a
 * {@link JwtTimestampValidator} bean replaces Spring's default one (60 s skew). The
 * decoder is a bean, so WebSocket connections are checked by exactly the same rules (see
 * {@link WebSocketAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
class JwtValidation {

	/**
	 * Only asymmetric signatures: an HMAC key would have to be shared with every api
	 * replica.
	 */
	static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);

	/**
	 * Wraps Boot's decoder so that a token validated once is not validated again until it
	 * expires (see {@link CachedTokens}); static, as a post-processor must be, and the
	 * settings looked up only when the decoder is made.
	 */
	@Bean
	static BeanPostProcessor cachedTokens(ObjectProvider<SecurityProperties> properties) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof JwtDecoder decoder && !(bean instanceof CachedTokens)) {
					return new CachedTokens(decoder, properties.getObject().tokenCache(), Clock.systemUTC());
				}
				return bean;
			}

		};
	}

	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer signatureAlgorithms() {
		// Boot applies spring.security...jws-algorithms only to jwk-set-uri decoders, not
		// issuer-uri ones.
		return builder -> builder.jwsAlgorithms(algorithms -> {
			algorithms.clear();
			algorithms.addAll(ALGORITHMS);
		});
	}

	@Bean
	JwtTimestampValidator timestamps(SecurityProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		// A token without exp would be valid forever (Spring accepts that by default).
		timestamps.setAllowEmptyExpiryClaim(false);
		return timestamps;
	}

	@Bean
	JwtClaimValidator<List<String>> audience(SecurityProperties properties) {
		return new JwtClaimValidator<>(JwtClaimNames.AUD,
				(List<String> audiences) -> audiences != null && audiences.contains(properties.audience()));
	}

	@Bean
	JwtClaimValidator<Object> tenantClaim(SecurityProperties properties) {
		// Every query and write is scoped by this claim: a token without it is useless,
		// hence invalid (401). It becomes a routing value and part of Redis keys, so it
		// must have the shape of every other identifier.
		return new JwtClaimValidator<>(properties.claims().tenant(),
				(Object tenant) -> tenant instanceof String id && Identifiers.isValid(id));
	}

}
