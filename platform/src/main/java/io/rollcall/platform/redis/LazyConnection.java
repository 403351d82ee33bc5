package io.rollcall.platform.redis;

/**
 * A feature's own Redis connection, on a client of its own, opened on first use: the
 * application starts, and serves what needs no Redis, while Redis is down. Once open,
 * Lettuce reconnects it in the background. Its owner closes it when it is disposed.
 */
public final class LazyConnection implements AutoCloseable {

	private final RedisConnector client;

	private RedisConnection<String, String> connection;

	LazyConnection(RedisConnector client) {
		this.client = client;
	}

	/**
	 * The connection, opened on the first call.
	 * @throws io.lettuce.core.RedisException when it cannot be opened (the next call
	 * tries again)
	 */
	public synchronized RedisConnection<String, String> get() {
		if (this.connection == null) {
			this.connection = this.client.connect();
		}
		return this.connection;
	}

	/** Closes the connection, if it was opened, and shuts the client down. */
	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
