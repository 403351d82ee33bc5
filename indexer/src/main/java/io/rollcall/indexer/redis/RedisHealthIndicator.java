package io.rollcall.indexer.redis;

import io.rollcall.platform.redis.RedisConnection;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Redis is up when it answers PING within the command timeout. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final RedisConnection<String, String> connection;

	RedisHealthIndicator(RedisConnection<String, String> connection) {
		super("Redis health check failed");
		this.connection = connection;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("ping", connection.sync().ping());
	}

}
