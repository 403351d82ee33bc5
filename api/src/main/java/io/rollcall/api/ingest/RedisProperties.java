package io.rollcall.api.ingest;

import jakarta.validation.constraints.NotBlank;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
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

	/**
	 * Client options every api Redis client shares: commands and connects bounded by
	 * {@code commandTimeout}, and commands refused at once while disconnected, so a
	 * request fails fast with {@code UNAVAILABLE} instead of queueing behind a dead link.
	 */
	public ClientOptions.Builder clientOptions() {
		return ClientOptions.builder()
			.timeoutOptions(TimeoutOptions.enabled(this.commandTimeout))
			.socketOptions(SocketOptions.builder().connectTimeout(this.commandTimeout).build())
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/** A client of this Redis with {@link #clientOptions()}. */
	public RedisClient newClient() {
		return newClient(clientOptions().build());
	}

	/** A client of this Redis with {@code options}. */
	public RedisClient newClient(ClientOptions options) {
		RedisURI uri = RedisURI.create(this.url);
		uri.setTimeout(this.commandTimeout);
		RedisClient client = RedisClient.create(uri);
		client.setOptions(options);
		return client;
	}

}
