package io.rollcall.platform.redis;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is, how to authenticate to it and what Rollcall's keys are called: one
 * binding shared by the api and the indexer.
 *
 * @param url the Redis address, {@code redis://host:port} or {@code rediss://host:port}
 * for TLS, optionally with a database ({@code /0}); for a Redis Cluster, one or several
 * of its nodes separated by commas ({@code redis://10.0.0.1:6379,10.0.0.2:6379}), from
 * which the client learns the others
 * @param cluster whether Redis is a Redis Cluster; implied when {@code url} lists several
 * nodes, so it is needed only for a cluster reached through one address (a managed
 * cluster's configuration endpoint)
 * @param username the ACL user (Redis 6+); empty for the default user
 * @param password the password of {@code username} (or of the default user); kept out of
 * the URL so it can come from a Secret of its own
 * @param caCertificate for {@code rediss://}: the PEM certificate(s) of the authority
 * that signed the server's certificate, as a location
 * ({@code file:/etc/rollcall/redis-ca.crt}) or inline PEM; empty means the JVM's trusted
 * authorities
 * @param keyPrefix the prefix of every key and channel (see {@code IngestKeys}); tests
 * use one per run
 * @param commandTimeout how long one command or connection attempt may take; Lettuce's
 * default of 60 s would hold a request, or stall the indexer's consumer loop, far longer
 * than anyone waits
 * @param retryAfter what clients are told to wait before retrying when Redis is
 * unavailable
 */
@Validated
@ConfigurationProperties("rollcall.redis")
public record RedisConnectionProperties(@DefaultValue("redis://127.0.0.1:6379") @NotBlank String url, boolean cluster,
		String username, String password, String caCertificate, @DefaultValue("rollcall:") @NotBlank String keyPrefix,
		@DefaultValue("2s") Duration commandTimeout, @DefaultValue("2s") Duration retryAfter) {

	/** Only Redis URLs: anything else would fail later, on the first command. */
	@AssertTrue(message = "url must start with redis:// or rediss://")
	public boolean isRedisUrl() {
		return this.url == null || this.url.startsWith("redis://") || this.url.startsWith("rediss://");
	}

	/**
	 * Whether the client must speak the Redis Cluster protocol: {@code cluster} is set,
	 * or {@code url} lists several nodes (only a cluster can be reached through several
	 * addresses at once).
	 */
	public boolean isClusterMode() {
		return this.cluster || (this.url != null && this.url.contains(","));
	}

	/** A Redis Cluster has database 0 only: a URL naming another would fail later. */
	@AssertTrue(message = "url must not name a database other than 0 for a Redis Cluster")
	public boolean isDatabaseValidForMode() {
		return !isClusterMode() || !this.url.matches(".*/0*[1-9][0-9]*/?$");
	}

	/** Secrets never reach a log line through {@code toString()}. */
	@Override
	public String toString() {
		return "RedisConnectionProperties[url=" + withoutPassword(this.url) + ", cluster=" + this.cluster
				+ ", username=" + this.username + ", password=" + (hasText(this.password) ? "******" : null)
				+ ", caCertificate=" + (hasText(this.caCertificate) ? "set" : "none") + ", keyPrefix=" + this.keyPrefix
				+ ", commandTimeout=" + this.commandTimeout + ", retryAfter=" + this.retryAfter + "]";
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/** The URL with any password it carries ({@code redis://:secret@host}) masked. */
	private static String withoutPassword(String url) {
		return url == null ? null : url.replaceFirst("//[^@/]*@", "//******@");
	}

}
