package io.rollcall.platform.redis;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Redis is up when it answers PING within the command timeout. The indicator has a
 * connection of its own, opened on the first check, so a health check never queues behind
 * an application's commands (a long blocking read, a WAIT) and an application starts
 * while Redis is down.
 */
final class RedisHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final LazyConnection connection;

	RedisHealthIndicator(RedisClients clients) {
		super("Redis health check failed");
		this.connection = clients.lazyConnection();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("ping", connection.get().sync().ping());
	}

	@Override
	public void destroy() {
		this.connection.close();
	}

}
