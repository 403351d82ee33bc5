package io.rollcall.indexer.redis;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is and how the indexer's keys are named (keys shared with the api).
 *
 * @param url the Redis URI, e.g. {@code redis://127.0.0.1:6379}
 * @param keyPrefix the prefix of every stream, channel and counter (see
 * {@link io.rollcall.schema.stream.IngestKeys})
 * @param commandTimeout how long one command may take; Lettuce's 60 s default would stall
 * the consumer loop for a minute on a dead connection instead of backing off and
 * reconnecting
 */
@Validated
@ConfigurationProperties("rollcall.redis")
public record RedisProperties(@DefaultValue("redis://127.0.0.1:6379") @NotBlank String url,
		@DefaultValue("rollcall:") String keyPrefix, @DefaultValue("2s") Duration commandTimeout) {
}
