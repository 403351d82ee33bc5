package io.rollcall.platform.redis;

import io.rollcall.schema.stream.IngestKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Redis clients factory of an application, the names of Rollcall's keys, and the
 * {@code redis} health indicator (part of both applications' readiness).
 */
@AutoConfiguration
@EnableConfigurationProperties(RedisConnectionProperties.class)
public class RedisConnectionAutoConfiguration {

	@Bean
	RedisClients redisClients(RedisConnectionProperties properties) {
		return new RedisClients(properties);
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("redis")
	RedisHealthIndicator redisHealthIndicator(RedisClients clients) {
		return new RedisHealthIndicator(clients);
	}

	@Bean
	IngestKeys ingestKeys(RedisConnectionProperties properties) {
		return new IngestKeys(properties.keyPrefix());
	}

}
