package io.rollcall.indexer.stream;

import io.rollcall.platform.redis.RedisConnectionProperties;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Opens consumer loops' views of the group, each on a connection of its own.
 */
@Component
class ConsumerGroups {

	private final RedisConnector client;

	private final IngestKeys keys;

	/** The blocking read may take up to max-age on top of the usual command time. */
	private final Duration timeout;

	ConsumerGroups(RedisConnector client, RedisConnectionProperties redisProperties, StreamProperties properties,
			IngestKeys keys) {
		this.client = client;
		this.keys = keys;
		this.timeout = redisProperties.commandTimeout().plus(properties.batch().maxAge());
	}

	/** Both streams as consumer {@code consumerName} reads them, groups created. */
	Source live(String consumerName) {
		return new Source("live", open(keys.liveStream(), consumerName), false);
	}

	Source backfill(String consumerName) {
		return new Source("backfill", open(keys.backfillStream(), consumerName), true);
	}

	String describe() {
		return keys.liveStream() + " (then " + keys.backfillStream() + ") in group " + keys.consumerGroup();
	}

	private ConsumerGroup open(String stream, String consumerName) {
		ConsumerGroup group = new ConsumerGroup(client, stream, keys.consumerGroup(), consumerName, timeout);
		group.create();
		return group;
	}

}
