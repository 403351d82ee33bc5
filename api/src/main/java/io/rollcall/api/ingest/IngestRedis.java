package io.rollcall.api.ingest;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.IngestKeys;
import io.rollcall.schema.stream.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The api's two Redis connections, opened on first use so the api starts (and serves
 * queries) while Redis is down: one for commands (XADD), shared by all requests as
 * Lettuce intends, and one pub/sub connection for applied notices. When Redis is
 * unreachable commands are rejected at once instead of queued, so clients get
 * {@code UNAVAILABLE} within the command timeout; Lettuce reconnects (and re-subscribes)
 * in the background.
 * <p>
 * With {@code rollcall.ingest.wait-for-replicas} set, a request's entries are appended on
 * the server holding the stream and followed by one {@code WAIT}: the write is
 * acknowledged only once that many replicas have it, so a failover to one of them loses
 * nothing acknowledged.
 */
@Component
class IngestRedis implements DisposableBean {

	private final RedisConnector client;

	private final IngestKeys keys;

	private final Duration retryAfter;

	private final int waitForReplicas;

	/** Below the command timeout, so Redis answers before the client gives up. */
	private final Duration replicaWait;

	private RedisConnection<String, String> connection;

	private StatefulRedisPubSubConnection<String, String> pubSub;

	IngestRedis(RedisClients clients, IngestKeys keys, IngestProperties properties) {
		this.client = clients.create();
		this.keys = keys;
		this.retryAfter = clients.properties().retryAfter();
		this.waitForReplicas = properties.waitForReplicas();
		this.replicaWait = clients.properties().commandTimeout().dividedBy(2);
	}

	IngestKeys keys() {
		return keys;
	}

	/**
	 * Appends {@code entries} to the live ingest stream, in order, and, with
	 * {@code wait-for-replicas}, waits until that many replicas have them.
	 * @throws UnavailableException when Redis did not take them (some may have landed) or
	 * too few replicas confirmed them in time (they are stored, and will be applied):
	 * either way resending is safe, an event is stored once
	 */
	void append(List<StreamEntry> entries) {
		try {
			if (waitForReplicas == 0) {
				entries.forEach(entry -> commands().sync().xadd(keys.liveStream(), entry.toFields()));
				return;
			}
			RedisCommands<String, String> server = commands().serverOf(keys.liveStream());
			entries.forEach(entry -> server.xadd(keys.liveStream(), entry.toFields()));
			long replicas = server.waitForReplication(waitForReplicas, replicaWait.toMillis());
			if (replicas < waitForReplicas) {
				throw new UnavailableException("the write reached " + replicas + " of " + waitForReplicas
						+ " Redis replicas in time; resend it (an event is stored once)", retryAfter, null);
			}
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
	}

	/**
	 * The tenant's write generation (see {@code IngestKeys#generation}); 0 before its
	 * first applied write. Fails with a {@link RedisException} within the command timeout
	 * when Redis is unreachable.
	 */
	long generation(String tenantId) {
		String value = commands().sync().get(keys.generation(tenantId));
		return value == null ? 0 : Long.parseLong(value);
	}

	/**
	 * Subscribes {@code listener} to the applied channel, once; returns when Redis
	 * confirmed the subscription, so a notice published afterwards cannot be missed.
	 */
	synchronized void subscribeApplied(Consumer<String> listener) {
		if (pubSub != null) {
			return;
		}
		try {
			StatefulRedisPubSubConnection<String, String> subscription = client.connectPubSub();
			subscription.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					listener.accept(message);
				}
			});
			subscription.sync().subscribe(keys.appliedChannel());
			pubSub = subscription;
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
	}

	private synchronized RedisConnection<String, String> commands() {
		if (connection == null) {
			connection = client.connect();
		}
		return connection;
	}

	private UnavailableException unavailable(RedisException cause) {
		return new UnavailableException("the ingest queue is unavailable, retry later", retryAfter, cause);
	}

	@Override
	public synchronized void destroy() {
		if (pubSub != null) {
			pubSub.close();
		}
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
	}

}
