package io.rollcall.platform.redis;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Redis is up when it answers PING within the command timeout. The indicator has a
 * connection of its own, opened on the first check, so a health check never queues behind
 * an application's commands (a long blocking read, a WAIT) and an application starts
 * while Redis is down. On a Redis Cluster, PING goes to a node the connection picks.
 */
final class RedisHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final RedisConnector client;

	private RedisConnection<String, String> connection;

	RedisHealthIndicator(RedisClients clients) {
		super("Redis health check failed");
		this.client = clients.create();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("ping", connection().sync().ping());
	}

	private synchronized RedisConnection<String, String> connection() {
		if (this.connection == null) {
			this.connection = this.client.connect();
		}
		return this.connection;
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
