package io.rollcall.api.ingest;

import io.lettuce.core.RedisException;
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
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The api's two Redis connections, opened on first use so the api starts (and serves
 * queries) while Redis is down: one for commands (XADD), shared by all requests as
 * Lettuce intends, and one pub/sub connection for applied notices. When Redis is
 * unreachable commands are rejected at once instead of queued, so clients get
 * {@code UNAVAILABLE} within the command timeout; Lettuce reconnects (and re-subscribes)
 * in the background. Writes that wait for replicas ({@code WAIT}) use connections of
 * their own ({@link ReplicatedAppends}).
 */
@Component
class IngestRedis implements DisposableBean {

	private final RedisConnector client;

	private final IngestKeys keys;

	private final Duration retryAfter;

	private final IngestProperties.ReplicaAcknowledgement acknowledgement;

	private final ReplicatedAppends replicated;

	private RedisConnection<String, String> connection;

	private StatefulRedisPubSubConnection<String, String> pubSub;

	IngestRedis(RedisClients clients, IngestKeys keys, IngestProperties properties) {
		this.client = clients.create();
		this.keys = keys;
		this.retryAfter = clients.properties().retryAfter();
		this.acknowledgement = properties.replicaAcknowledgement();
		this.replicated = new ReplicatedAppends(this.client, this.acknowledgement,
				clients.properties().commandTimeout());
	}

	IngestKeys keys() {
		return keys;
	}

	/** The tenant's cache generations (a Redis hash, field → generation). */
	Map<String, String> cacheGenerations(String tenantId) {
		try {
			return commands().sync().hgetall(keys.cacheGenerations(tenantId));
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
	}

	/**
	 * Appends the entries of one write to the live ingest stream, in order; with
	 * {@code rollcall.ingest.replica-acknowledgement.replicas} set, then waits for that
	 * many replicas to hold them.
	 * @throws UnavailableException when Redis cannot be reached, or the replicas did not
	 * acknowledge in time (the entries are in the primary then, and will be applied)
	 */
	void append(List<StreamEntry> entries) {
		try {
			if (!acknowledgement.enabled()) {
				entries.forEach(entry -> commands().sync().xadd(keys.liveStream(), entry.toFields()));
				return;
			}
			long acknowledged = replicated.append(keys.liveStream(), entries);
			if (acknowledged < acknowledgement.replicas()) {
				throw new UnavailableException(
						"the write reached Redis, but " + acknowledged + " of " + acknowledgement.replicas()
								+ " replica(s) confirmed it within " + acknowledgement.timeout().toMillis()
								+ " ms; it will probably be applied, and resending it is safe",
						retryAfter, null);
			}
		}
		catch (RedisException e) {
			throw unavailable(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unavailable(e);
		}
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

	private UnavailableException unavailable(Exception cause) {
		return new UnavailableException("the ingest queue is unavailable, retry later", retryAfter, cause);
	}

	@Override
	public synchronized void destroy() {
		replicated.close();
		if (pubSub != null) {
			pubSub.close();
		}
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
	}

}
