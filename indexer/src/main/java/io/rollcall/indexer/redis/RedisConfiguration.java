package io.rollcall.indexer.redis;

import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The indexer's Lettuce client (from the shared {@code rollcall.redis.*} binding) and one
 * shared connection for the non-blocking commands (ack, publish, incr, xadd). The stream
 * consumer opens its own connections for its blocking reads, so they never queue other
 * commands behind them.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedisConnector redisConnector(RedisClients clients) {
		return clients.create();
	}

	@Bean(destroyMethod = "close")
	RedisConnection<String, String> redisConnection(RedisConnector client) {
		return client.connect();
	}

}
