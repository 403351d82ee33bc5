package io.rollcall.platform.elasticsearch;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Elasticsearch is, how to authenticate to it and what Rollcall's indices are
 * called: one binding shared by the api and the indexer. Spring Boot builds the client
 * from it ({@code spring.elasticsearch.*} is not read).
 *
 * @param url the HTTP address of the cluster, {@code http://} or {@code https://}, with
 * an optional path prefix; several nodes separated by commas
 * @param indexPrefix the prefix of Rollcall's indices and index templates (see
 * {@code IndexNames}); tests use one per run
 * @param apiKey an API key (the encoded {@code id:key} Elasticsearch returns), sent as
 * {@code Authorization: ApiKey}; leave empty when using a user name and password
 * @param username the user for basic authentication, with {@code password}
 * @param password the password of {@code username}
 * @param caCertificate the PEM certificate(s) of the authority that signed the cluster's
 * TLS certificate, as a location ({@code file:/etc/rollcall/es-ca.crt}) or inline PEM;
 * empty means the JVM's trusted authorities
 * @param connectTimeout how long to wait for a TCP connection (and for a pooled one)
 * before the attempt fails
 * @param socketTimeout how long to wait for a response; generous by default because a
 * 5,000-document bulk can take seconds under load, and set lower for the api, whose
 * searches have a deadline of their own
 * @param retryAfter what clients are told to wait before retrying when the cluster is
 * unavailable
 */
@Validated
@ConfigurationProperties("rollcall.elasticsearch")
public record ElasticsearchConnectionProperties(@DefaultValue("http://127.0.0.1:9200") @NotEmpty List<URI> url,
		@DefaultValue("rollcall") @NotBlank String indexPrefix, String apiKey, String username, String password,
		String caCertificate, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration socketTimeout,
		@DefaultValue("5s") Duration retryAfter) {

	/** Either an API key or a user, not both: the cluster would see two identities. */
	@AssertTrue(message = "set either api-key or username/password, not both")
	public boolean isOneIdentity() {
		return !hasText(this.apiKey) || !hasText(this.username);
	}

	/** Every node address is an absolute http(s) URL. */
	@AssertTrue(message = "each url must be http:// or https:// with a host")
	public boolean isHttpUrl() {
		return this.url == null || this.url.stream()
			.allMatch(uri -> uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())));
	}

	/** Secrets never reach a log line through {@code toString()}. */
	@Override
	public String toString() {
		return "ElasticsearchConnectionProperties[url=" + this.url + ", indexPrefix=" + this.indexPrefix + ", apiKey="
				+ mask(this.apiKey) + ", username=" + this.username + ", password=" + mask(this.password)
				+ ", caCertificate=" + (hasText(this.caCertificate) ? "set" : "none") + ", connectTimeout="
				+ this.connectTimeout + ", socketTimeout=" + this.socketTimeout + ", retryAfter=" + this.retryAfter
				+ "]";
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	static String mask(String secret) {
		return hasText(secret) ? "******" : null;
	}

}
