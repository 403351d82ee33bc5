package io.rollcall.api.subscription;

import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@link ChangeNotice} the indexer publishes, from ONE Redis pub/sub subscription
 * per api instance, multicast in-process: a Redis connection per WebSocket subscriber
 * would not scale to hundreds of dashboards. The subscription is opened on first use (the
 * api starts, and serves queries, while Redis is down) and confirmed before
 * {@link #notices()} returns; Lettuce re-subscribes after a reconnect. Notices are for
 * every tenant: {@link DashboardChanges} filters them by the caller's.
 */
@Component
class ChangeFeed implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final RedisConnector client;

	private final IngestKeys keys;

	private final Duration retryAfter;

	private final JsonMapper json;

	/**
	 * Best effort: a subscriber that cannot keep up misses notices rather than holding
	 * back the others (each subscriber has its own buffer, see {@link DashboardChanges}).
	 */
	private final Sinks.Many<ChangeNotice> sink = Sinks.many().multicast().directBestEffort();

	private StatefulRedisPubSubConnection<String, String> connection;

	ChangeFeed(RedisClients clients, IngestKeys keys, JsonMapper json) {
		this.client = clients.create();
		this.keys = keys;
		this.retryAfter = clients.properties().retryAfter();
		this.json = json;
	}

	/**
	 * The notices of all tenants from now on.
	 * @throws UnavailableException when Redis cannot be reached to subscribe
	 */
	Flux<ChangeNotice> notices() {
		subscribe();
		return this.sink.asFlux();
	}

	private synchronized void subscribe() {
		if (this.connection != null) {
			return;
		}
		StatefulRedisPubSubConnection<String, String> subscription = null;
		try {
			subscription = this.client.connectPubSub();
			subscription.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					publish(message);
				}
			});
			subscription.sync().subscribe(this.keys.changesChannel());
			this.connection = subscription;
		}
		catch (RedisException ex) {
			// Connected but not subscribed: drop it, the next subscriber tries again.
			if (subscription != null) {
				subscription.close();
			}
			throw new UnavailableException("change notifications are unavailable, retry later", this.retryAfter, ex);
		}
	}

	/**
	 * Called on Lettuce's single event-loop thread for the connection, hence never
	 * concurrently.
	 */
	void publish(String message) {
		try {
			this.sink.tryEmitNext(this.json.readValue(message, ChangeNotice.class));
		}
		catch (JacksonException ex) {
			log.warn("ignoring an unreadable change notice: {}", ex.getOriginalMessage());
		}
	}

	@Override
	public synchronized void destroy() {
		this.sink.tryEmitComplete();
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
