package io.rollcall.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.function.UnaryOperator;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * Makes the Lettuce clients of an application from {@link RedisConnectionProperties}. A
 * feature that needs connections of its own (a blocking stream read, a pub/sub
 * subscription, the rate limiter) asks for a client here instead of building one: every
 * client shares one set of event loops and gets the same address, credentials, TLS trust
 * and timeouts.
 *
 * <p>
 * Commands and connection attempts are bounded by {@code command-timeout}, and commands
 * are refused at once while a connection is down: callers answer {@code UNAVAILABLE} or
 * back off instead of queueing behind a dead link. Lettuce reconnects in the background.
 */
public final class RedisClients implements DisposableBean {

	private final RedisConnectionProperties properties;

	private final ClientResources resources = DefaultClientResources.create();

	public RedisClients(RedisConnectionProperties properties) {
		this.properties = properties;
	}

	/** The settings the clients are made from. */
	public RedisConnectionProperties properties() {
		return this.properties;
	}

	/** A new client with the shared options. Its owner shuts it down. */
	public RedisClient create() {
		return create(UnaryOperator.identity());
	}

	/**
	 * A new client with the shared options as changed by {@code options} (for instance
	 * without automatic reconnection). Its owner shuts it down.
	 */
	public RedisClient create(UnaryOperator<ClientOptions.Builder> options) {
		RedisClient client = RedisClient.create(this.resources, uri());
		client.setOptions(options.apply(options()).build());
		return client;
	}

	/** A connection on a new client with the shared options, opened on first use. */
	public LazyConnection lazyConnection() {
		return new LazyConnection(create());
	}

	RedisURI uri() {
		RedisURI uri = RedisURI.create(this.properties.url());
		uri.setTimeout(this.properties.commandTimeout());
		if (RedisConnectionProperties.hasText(this.properties.password())) {
			String user = RedisConnectionProperties.hasText(this.properties.username()) ? this.properties.username()
					: null;
			uri.setCredentialsProvider(new StaticCredentialsProvider(user, this.properties.password().toCharArray()));
		}
		return uri;
	}

	private ClientOptions.Builder options() {
		ClientOptions.Builder options = ClientOptions.builder()
			.timeoutOptions(TimeoutOptions.enabled(this.properties.commandTimeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(this.properties.commandTimeout()).build())
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		if (RedisConnectionProperties.hasText(this.properties.caCertificate())) {
			KeyStore authorities = new PemSslStoreBundle(null,
					PemSslStoreDetails.forCertificates(this.properties.caCertificate()))
				.getTrustStore();
			options.sslOptions(SslOptions.builder().trustManager(trustManagers(authorities)).build());
		}
		return options;
	}

	private static TrustManagerFactory trustManagers(KeyStore authorities) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(authorities);
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust rollcall.redis.ca-certificate: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		this.resources.shutdown();
	}

}
