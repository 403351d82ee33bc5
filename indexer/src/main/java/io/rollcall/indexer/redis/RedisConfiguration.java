package io.rollcall.indexer.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rollcall.schema.stream.IngestKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link RedisClient} with the short command timeout, and one shared connection for
 * the non-blocking commands (ack, publish, incr, xadd). The stream consumer opens its own
 * connection for its blocking reads, so they never queue other commands behind them.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient(RedisProperties properties) {
		RedisURI uri = RedisURI.create(properties.url());
		uri.setTimeout(properties.commandTimeout());
		RedisClient client = RedisClient.create(uri);
		client.setOptions(
				ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout())).build());
		return client;
	}

	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
		return client.connect();
	}

	@Bean
	IngestKeys ingestKeys(RedisProperties properties) {
		return new IngestKeys(properties.keyPrefix());
	}

}
