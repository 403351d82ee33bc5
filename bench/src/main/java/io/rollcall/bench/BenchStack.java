package io.rollcall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.ApiApplication;
import io.rollcall.api.isolation.SearchBulkhead;
import io.rollcall.devstack.elasticsearch.ElasticsearchCluster;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.redis.RedisCluster;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.indexer.IndexerApplication;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.stack.Launcher;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's own services, all on free loopback ports and gone when it ends:
 * Elasticsearch (temporary data folder, the requested heap), an in-memory Redis, the dev
 * issuer, and the indexer and the api in this JVM, started as the local stack starts
 * them. The api runs three times: with its result cache (the default), without it, and
 * without it with tenant {@code demo} on a real plan (the noisy-neighbour phase). With
 * {@code --topology cluster}, Elasticsearch is a cluster of 3 nodes (the requested heap
 * each) whose indices have 3 shards and 1 replica, and Redis a Redis Cluster of 3 masters
 * with a replica each, as devstack's cluster topology.
 */
final class BenchStack implements AutoCloseable {

	/** The indexer's accept → visible timer (issue #3's freshness telemetry). */
	static final String VISIBLE_LAG = "rollcall.indexer.visible.lag";

	private final Launcher launcher;

	/** A node's URL, for the benchmark's own requests straight to Elasticsearch. */
	private final String elasticsearchUrl;

	private final DevIssuer issuer;

	private final ConfigurableApplicationContext indexer;

	private final URI api;

	private final URI uncachedApi;

	private final URI limitedApi;

	private final String searchTimeout;

	private final IngestBacklog backlog;

	private BenchStack(Launcher launcher, Stores stores, DevIssuer issuer, ConfigurableApplicationContext indexer,
			ConfigurableApplicationContext api, ConfigurableApplicationContext uncachedApi,
			ConfigurableApplicationContext limitedApi) {
		this.launcher = launcher;
		this.elasticsearchUrl = stores.elasticsearchUrl();
		this.backlog = launcher.keep(new IngestBacklog(stores.redisUrl()));
		this.issuer = issuer;
		this.indexer = indexer;
		this.api = URI.create("http://127.0.0.1:" + Launcher.port(api) + "/");
		this.uncachedApi = URI.create("http://127.0.0.1:" + Launcher.port(uncachedApi) + "/");
		this.limitedApi = URI.create("http://127.0.0.1:" + Launcher.port(limitedApi) + "/");
		this.searchTimeout = uncachedApi.getBean(SearchBulkhead.class).searchTimeout();
	}

	static BenchStack start(String elasticsearchHeap, BenchOptions.Topology topology) {
		Launcher launcher = new Launcher();
		try {
			Stores stores = (topology == BenchOptions.Topology.CLUSTER) ? cluster(launcher, elasticsearchHeap)
					: single(launcher, elasticsearchHeap);
			DevIssuer issuer = launcher.keep(DevIssuer.start(0));
			Map<String, String> services = Map.of("rollcall.elasticsearch.url", stores.elasticsearchUrls(),
					"rollcall.redis.url", stores.redisUrl(), "server.port", "0");
			Map<String, String> indexer = new LinkedHashMap<>(services);
			indexer.putAll(stores.indexSettings());
			// Percentiles computed in the indexer's registry over one window that
			// outlasts a
			// run, so that a timer registered afresh covers exactly one phase (see
			// Freshness).
			indexer.put("management.metrics.distribution.percentiles." + VISIBLE_LAG, "0.5,0.95,0.99");
			indexer.put("management.metrics.distribution.expiry." + VISIBLE_LAG, "6h");
			indexer.put("management.metrics.distribution.buffer-length." + VISIBLE_LAG, "1");
			Map<String, String> api = new LinkedHashMap<>(services);
			api.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
			// The benchmark measures capacity, not the limits: the bench tenants' buckets
			// are made too large to refuse anything (a 2M-event load is far over the
			// standard plan's 10,000 events/s).
			for (Tenant tenant : Tenant.values()) {
				for (String bucket : List.of("capacity", "refill-per-second", "client-capacity",
						"client-refill-per-second", "event-burst", "events-per-second")) {
					api.put("rollcall.limits.tenants." + tenant.id() + "." + bucket, "100000000");
				}
			}
			// A second api without the result cache: the gateway's own overhead next to
			// direct Elasticsearch, measured in the same run as the cached one.
			Map<String, String> uncachedApi = new LinkedHashMap<>(api);
			uncachedApi.put("rollcall.cache.enabled", "false");
			return new BenchStack(launcher, stores, issuer, launcher.run(IndexerApplication.builder(), indexer),
					launcher.run(ApiApplication.builder(), api), launcher.run(ApiApplication.builder(), uncachedApi),
					launcher.run(ApiApplication.builder(), limitedApiProperties(uncachedApi)));
		}
		catch (RuntimeException ex) {
			launcher.close();
			throw ex;
		}
	}

	private static Stores single(Launcher launcher, String heap) {
		ElasticsearchNode elasticsearch = launcher
			.keep(ElasticsearchNode.start(ElasticsearchOptions.temporary().withHeap(heap)));
		RedisServer redis = launcher.keep(RedisServer.start(RedisOptions.inMemory()));
		return new Stores(elasticsearch.url(), elasticsearch.url(), redis.url(), Map.of());
	}

	/** As devstack's cluster topology: 3 nodes, 3 shards and 1 replica per index. */
	private static Stores cluster(Launcher launcher, String heap) {
		ElasticsearchCluster elasticsearch = launcher
			.keep(ElasticsearchCluster.start(ElasticsearchOptions.temporary().withHeap(heap), 3));
		RedisCluster redis = launcher.keep(RedisCluster.start(3));
		return new Stores(elasticsearch.url(), elasticsearch.urls(), redis.url(),
				Map.of("rollcall.index.shards", "3", "rollcall.index.replicas", "1"));
	}

	/**
	 * Where Elasticsearch and Redis are: a node's URL for the benchmark's own requests,
	 * every node's for the applications, and the indexer's index settings.
	 */
	private record Stores(String elasticsearchUrl, String elasticsearchUrls, String redisUrl,
			Map<String, String> indexSettings) {
	}

	/**
	 * A third api, for the noisy-neighbour phase: result cache off (every admitted query
	 * reads Elasticsearch), tenant {@code demo} on {@link NoisyNeighbour#QUOTA} and
	 * {@link NoisyNeighbour#BURST} for its tenant and client query buckets, the small
	 * tenant still unlimited. Its keys live under their own Redis prefix, so nothing of
	 * the other phases' buckets can leak into this one (bucket keys also carry their
	 * configuration, so demo's differently sized buckets are distinct anyway). Only
	 * queries go through it, so its ingest stream and notice keys (same prefix) are
	 * unused.
	 */
	private static Map<String, String> limitedApiProperties(Map<String, String> uncachedApi) {
		Map<String, String> limited = new LinkedHashMap<>(uncachedApi);
		limited.put("rollcall.redis.key-prefix", "rollcall-noisy:");
		String demo = "rollcall.limits.tenants." + Tenant.DEMO.id() + ".";
		limited.put(demo + "capacity", Long.toString(NoisyNeighbour.BURST));
		limited.put(demo + "refill-per-second", Long.toString(NoisyNeighbour.QUOTA));
		limited.put(demo + "client-capacity", Long.toString(NoisyNeighbour.BURST));
		limited.put(demo + "client-refill-per-second", Long.toString(NoisyNeighbour.QUOTA));
		return limited;
	}

	String elasticsearchUrl() {
		return this.elasticsearchUrl;
	}

	/**
	 * The indices the indexer writes and the api reads (default prefix: the node is
	 * ours).
	 */
	IndexNames indices() {
		return new IndexNames(IndexNames.DEFAULT_PREFIX);
	}

	URI api(String path) {
		return this.api.resolve(path);
	}

	/** {@code path} on the api instance whose result cache is off. */
	URI uncachedApi(String path) {
		return this.uncachedApi.resolve(path);
	}

	/**
	 * {@code path} on the api instance that limits tenant {@code demo} (see
	 * {@link #limitedApiProperties(Map)}).
	 */
	URI limitedApi(String path) {
		return this.limitedApi.resolve(path);
	}

	/** A fresh access token of the tenant's admin client (all scopes). */
	String token(Tenant tenant) {
		return this.issuer.token(tenant.clientId(), tenant.secret());
	}

	IngestBacklog backlog() {
		return this.backlog;
	}

	/**
	 * Elasticsearch's {@code timeout} the uncached api sets on each search, as it sends
	 * it (e.g. {@code 5000ms}).
	 */
	String searchTimeout() {
		return this.searchTimeout;
	}

	MeterRegistry indexerMeters() {
		return this.indexer.getBean(MeterRegistry.class);
	}

	@Override
	public void close() {
		this.launcher.close();
	}

}
