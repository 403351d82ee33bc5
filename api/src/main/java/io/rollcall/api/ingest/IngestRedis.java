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
 */
@Component
class IngestRedis implements DisposableBean {

	private final RedisConnector client;

	private final IngestKeys keys;

	private final Duration retryAfter;

	private RedisConnection<String, String> connection;

	private StatefulRedisPubSubConnection<String, String> pubSub;

	IngestRedis(RedisClients clients, IngestKeys keys) {
		this.client = clients.create();
		this.keys = keys;
		this.retryAfter = clients.properties().retryAfter();
	}

	IngestKeys keys() {
		return keys;
	}

	/** Appends {@code entry} to the live ingest stream and returns its stream id. */
	String append(StreamEntry entry) {
		try {
			return commands().sync().xadd(keys.liveStream(), entry.toFields());
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
