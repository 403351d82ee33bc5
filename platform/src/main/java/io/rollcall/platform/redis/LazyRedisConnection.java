package io.rollcall.platform.redis;

/**
 * A feature's one shared connection, with its own client: opened on first use, so that an
 * application starts, and serves what needs no Redis, while Redis is down (Lettuce
 * reconnects it in the background afterwards); closed with its client. Made by
 * {@link RedisClients#connectOnFirstUse()}.
 */
public final class LazyRedisConnection implements AutoCloseable {

	private final RedisConnector client;

	private RedisConnection<String, String> connection;

	LazyRedisConnection(RedisConnector client) {
		this.client = client;
	}

	/**
	 * The connection, opened now if it is the first use.
	 * @throws io.lettuce.core.RedisException when it cannot be opened (the next call
	 * tries again)
	 */
	public synchronized RedisConnection<String, String> get() {
		if (this.connection == null) {
			this.connection = this.client.connect();
		}
		return this.connection;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
