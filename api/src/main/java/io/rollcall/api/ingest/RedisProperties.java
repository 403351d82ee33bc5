package io.rollcall.api.ingest;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis that carries the ingest stream and the applied-notice channel (and, for
 * {@code subscription}, the change-notice channel).
 *
 * @param url the Redis address ({@code redis://host:port})
 * @param keyPrefix the prefix of every key and channel (see {@code IngestKeys}); tests
 * use one per run
 * @param commandTimeout how long one Redis command (or connection attempt) may take
 * before the client gets {@code UNAVAILABLE}; Lettuce's default of 60 s would hold
 * requests far longer than any client waits
 * @param retryAfter the {@code retryAfterMs} hint given to clients when Redis is
 * unavailable
 */
@Validated
@ConfigurationProperties("rollcall.redis")
public record RedisProperties(@DefaultValue("redis://127.0.0.1:6379") @NotBlank String url,
		@DefaultValue("rollcall:") @NotBlank String keyPrefix, @DefaultValue("2s") Duration commandTimeout,
		@DefaultValue("2s") Duration retryAfter) {
}
