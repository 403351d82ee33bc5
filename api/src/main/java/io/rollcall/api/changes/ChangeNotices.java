package io.rollcall.api.changes;

import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indexer's change notices, one per tenant and applied batch, from ONE Redis pub/sub
 * subscription per api instance, multicast in-process: a wake-up for the tenant's reader,
 * never a source of data (pub/sub delivers at most once; the log is the truth, a lost
 * notice costs the poll interval), and what the deprecated {@code dashboardChanges}
 * subscription streams as it is. Subscribed on first use, so the api starts while Redis
 * is down; Lettuce re-subscribes after a reconnect.
 */
@Component
class ChangeNotices implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

	private final RedisConnector client;

	private final IngestKeys keys;

	private final JsonMapper json;

	/**
	 * Best effort: a listener that cannot keep up misses notices rather than holding back
	 * the others (each has its own buffer).
	 */
	private final Sinks.Many<ChangeNotice> notices = Sinks.many().multicast().directBestEffort();

	private StatefulRedisPubSubConnection<String, String> connection;

	ChangeNotices(RedisClients clients, IngestKeys keys, JsonMapper json) {
		this.client = clients.create();
		this.keys = keys;
		this.json = json;
	}

	/**
	 * Every tenant's notices from now on, once {@link #listen()} has subscribed; the
	 * notices published while Redis was away are lost.
	 */
	Flux<ChangeNotice> notices() {
		return notices.asFlux();
	}

	/**
	 * Subscribes to the notices. Does nothing when already listening; when Redis cannot
	 * be reached, logs it and leaves the next call to try again (the readers poll
	 * meanwhile).
	 */
	synchronized void listen() {
		if (connection != null) {
			return;
		}
		StatefulRedisPubSubConnection<String, String> subscription = null;
		try {
			subscription = client.connectPubSub();
			subscription.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					publish(message);
				}
			});
			subscription.sync().subscribe(keys.changesChannel());
			connection = subscription;
		}
		catch (RedisException ex) {
			if (subscription != null) {
				subscription.close();
			}
			log.warn("change notices unavailable, readers poll until they are back: {}", ex.getMessage());
		}
	}

	/**
	 * Called on Lettuce's single event-loop thread for the connection, hence never
	 * concurrently.
	 */
	private void publish(String message) {
		try {
			notices.tryEmitNext(json.readValue(message, ChangeNotice.class));
		}
		catch (JacksonException ex) {
			log.warn("ignoring an unreadable change notice: {}", ex.getOriginalMessage());
		}
	}

	@Override
	public synchronized void destroy() {
		notices.tryEmitComplete();
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
	}

}
