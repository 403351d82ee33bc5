package io.rollcall.api.persisted;

import io.rollcall.api.cost.RegisteredDocuments;
import io.rollcall.api.security.Callers;
import io.rollcall.platform.redis.RedisClients;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted and trusted documents, resolved by an interceptor ahead of the document
 * guard.
 */
@Configuration(proxyBeanMethods = false)
class PersistedDocumentsConfiguration {

	/**
	 * After the deadline, before the document guard (which prices the resolved document).
	 */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	@Bean
	RedisPersistedQueries persistedQueries(RedisClients redis, PersistedDocumentsProperties properties, Clock clock) {
		return new RedisPersistedQueries(redis, properties.automatic(), clock);
	}

	@Bean
	TrustedDocuments trustedDocuments(PersistedDocumentsProperties properties, JsonMapper json,
			RegisteredDocuments registered) {
		return TrustedDocuments.load(properties.trustedClients(), json, registered);
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor persistedDocumentsInterceptor(Callers callers, TrustedDocuments trusted,
			PersistedQueries store) {
		return new PersistedDocumentsInterceptor(callers, trusted, store);
	}

}
