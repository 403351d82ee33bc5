package io.rollcall.indexer.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Redis is up when it answers PING within the command timeout. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final StatefulRedisConnection<String, String> connection;

	RedisHealthIndicator(StatefulRedisConnection<String, String> connection) {
		super("Redis health check failed");
		this.connection = connection;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("ping", connection.sync().ping());
	}

}
