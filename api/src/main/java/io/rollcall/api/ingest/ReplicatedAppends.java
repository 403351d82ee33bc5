package io.rollcall.api.ingest;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.sync.RedisCommands;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Appends a write's entries and waits for replicas to acknowledge them ({@code XADD}...
 * then {@code WAIT numreplicas timeout}). WAIT counts the writes of the connection it is
 * sent on and blocks that connection until it answers, so the entries and the WAIT go
 * over a connection of this write's own, taken from a small pool, never over the
 * connection every request shares.
 */
final class ReplicatedAppends implements AutoCloseable {

	private final RedisConnector client;

	private final IngestProperties.ReplicaAcknowledgement acknowledgement;

	private final Duration commandTimeout;

	private final Semaphore permits;

	private final Queue<RedisConnection<String, String>> idle = new ConcurrentLinkedQueue<>();

	ReplicatedAppends(RedisConnector client, IngestProperties.ReplicaAcknowledgement acknowledgement,
			Duration commandTimeout) {
		this.client = client;
		this.acknowledgement = acknowledgement;
		this.commandTimeout = commandTimeout;
		this.permits = new Semaphore(acknowledgement.connections());
	}

	/**
	 * Appends {@code entries} to {@code stream}, then waits for the replicas.
	 * @return how many replicas acknowledged every entry (at most what was asked for)
	 * @throws io.lettuce.core.RedisException when Redis cannot be reached
	 * @throws InterruptedException when interrupted waiting for a free connection
	 */
	long append(String stream, List<StreamEntry> entries) throws InterruptedException {
		if (!this.permits.tryAcquire(this.commandTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new RedisCommandTimeoutException(
					"no connection free for a replicated write within " + this.commandTimeout);
		}
		RedisConnection<String, String> connection = null;
		boolean reusable = false;
		try {
			connection = connection();
			// The entries and the WAIT on the one server that holds the stream (on a
			// cluster, the master of its slot): WAIT counts that server's writes.
			RedisCommands<String, String> redis = connection.serverOf(stream);
			for (StreamEntry entry : entries) {
				redis.xadd(stream, entry.toFields());
			}
			long acknowledged = redis.waitForReplication(this.acknowledgement.replicas(),
					this.acknowledgement.timeout().toMillis());
			reusable = true;
			return acknowledged;
		}
		finally {
			if (reusable) {
				this.idle.add(connection);
			}
			else if (connection != null) {
				// A command failed or timed out: a late answer must not meet the next
				// write.
				connection.close();
			}
			this.permits.release();
		}
	}

	private RedisConnection<String, String> connection() {
		RedisConnection<String, String> connection = this.idle.poll();
		if (connection == null) {
			connection = this.client.connect();
			// WAIT may take its whole timeout; the command timeout counts on top of it.
			connection.setTimeout(this.acknowledgement.timeout().plus(this.commandTimeout));
		}
		return connection;
	}

	@Override
	public void close() {
		RedisConnection<String, String> connection;
		while ((connection = this.idle.poll()) != null) {
			connection.close();
		}
	}

}
