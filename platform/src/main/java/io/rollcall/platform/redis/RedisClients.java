package io.rollcall.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.RedisClusterURIUtil;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.rollcall.schema.stream.IngestKeys;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
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
 *
 * <p>
 * In cluster mode ({@link RedisConnectionProperties#isClusterMode()}) the clients are
 * Lettuce's {@link RedisClusterClient}: the addresses are seeds from which it learns the
 * cluster's nodes and slots, and it follows the topology as it changes. It re-reads the
 * topology every {@value #TOPOLOGY_REFRESH_SECONDS} s, and at once (at most every
 * {@value #ADAPTIVE_REFRESH_SECONDS} s) on a redirection or when a node stays
 * unreachable: after a master is lost, commands reach its promoted replica within seconds
 * of the promotion instead of being refused until the next periodic refresh.
 */
public final class RedisClients implements DisposableBean {

	static final int TOPOLOGY_REFRESH_SECONDS = 30;

	static final int ADAPTIVE_REFRESH_SECONDS = 2;

	private final RedisConnectionProperties properties;

	private final ClientResources resources = DefaultClientResources.create();

	public RedisClients(RedisConnectionProperties properties) {
		this.properties = properties;
	}

	/**
	 * Clients of the Redis at {@code url} with every other setting at its default: for
	 * programs that are not Spring applications (the benchmark) and test harnesses.
	 * {@link #destroy()} releases them.
	 */
	public static RedisClients forUrl(String url) {
		return new RedisClients(new RedisConnectionProperties(url, false, null, null, null, IngestKeys.DEFAULT_PREFIX,
				Duration.ofSeconds(2), Duration.ofSeconds(2)));
	}

	/** The settings the clients are made from. */
	public RedisConnectionProperties properties() {
		return this.properties;
	}

	/** A new client with the shared options. Its owner shuts it down. */
	public RedisConnector create() {
		return create(UnaryOperator.identity());
	}

	/**
	 * A new client with the shared options as changed by {@code options} (for instance
	 * without automatic reconnection). Its owner shuts it down.
	 */
	public RedisConnector create(UnaryOperator<ClientOptions.Builder> options) {
		ClientOptions clientOptions = options.apply(options()).build();
		if (this.properties.isClusterMode()) {
			RedisClusterClient client = RedisClusterClient.create(this.resources, seeds());
			client.setOptions(ClusterClientOptions.builder(clientOptions)
				.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
					.enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
					.enableAllAdaptiveRefreshTriggers()
					.adaptiveRefreshTriggersTimeout(Duration.ofSeconds(ADAPTIVE_REFRESH_SECONDS))
					.build())
				.build());
			return new RedisConnector.Cluster(client);
		}
		RedisClient client = RedisClient.create(this.resources, uri());
		client.setOptions(clientOptions);
		return new RedisConnector.Standalone(client);
	}

	/** A connection on a new client with the shared options, opened on first use. */
	public LazyConnection lazyConnection() {
		return new LazyConnection(create());
	}

	RedisURI uri() {
		return withSettings(RedisURI.create(this.properties.url()));
	}

	/**
	 * The cluster's nodes the URL lists, each with the shared credentials and timeout.
	 */
	List<RedisURI> seeds() {
		return RedisClusterURIUtil.toRedisURIs(URI.create(this.properties.url()))
			.stream()
			.map(this::withSettings)
			.toList();
	}

	private RedisURI withSettings(RedisURI uri) {
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
