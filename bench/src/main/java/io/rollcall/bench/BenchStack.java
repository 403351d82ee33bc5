package io.rollcall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.bench.BenchOptions.Apps;
import io.rollcall.bench.BenchOptions.Topology;
import io.rollcall.devstack.elasticsearch.ElasticsearchCluster;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.redis.RedisCluster;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.stack.Launcher;
import io.rollcall.stack.LimitPlans;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's own services, all on free loopback ports and gone when it ends:
 * Elasticsearch (temporary data folder, the requested heap), an in-memory Redis, the dev
 * issuer, and the indexer and the api, in this JVM as the local stack starts them or each
 * in a process of its own ({@link BenchApps}). The api runs three times: with its result
 * cache (the default), without it, and without it with tenant {@code demo} on a real plan
 * (the noisy-neighbour phase). With {@code --topology cluster}, Elasticsearch is a
 * cluster of 3 nodes (the requested heap each) whose indices have 3 shards and 1 replica,
 * and Redis a Redis Cluster of 3 masters with a replica each, as devstack's cluster
 * topology.
 */
final class BenchStack implements AutoCloseable {

	/** The indexer's accept → visible timer (issue #3's freshness telemetry). */
	static final String VISIBLE_LAG = "rollcall.ingest.visible.lag";

	/** The plan of the bench tenants: buckets too large to refuse anything. */
	private static final String UNLIMITED = "bench-unlimited";

	/** The plan of tenant {@code demo} in the noisy-neighbour phase. */
	private static final String NOISY = "noisy-neighbour";

	private static final long UNLIMITED_UNITS = 100_000_000;

	private final Launcher launcher;

	/** A node's URL, for the benchmark's own requests straight to Elasticsearch. */
	private final String elasticsearchUrl;

	private final DevIssuer issuer;

	private final BenchApps apps;

	private final IngestBacklog backlog;

	private final RedisCommandStats redisCommands;

	private BenchStack(Launcher launcher, Stores stores, DevIssuer issuer, BenchApps apps) {
		this.launcher = launcher;
		this.elasticsearchUrl = stores.elasticsearchUrl();
		this.backlog = launcher.keep(new IngestBacklog(stores.redisUrl()));
		this.redisCommands = launcher.keep(new RedisCommandStats(stores.redisServers()));
		this.issuer = issuer;
		this.apps = apps;
	}

	/**
	 * Starts the services and the apps.
	 * @param elasticsearchHeap the heap of the Elasticsearch node, or of each node of the
	 * cluster
	 * @param topology one node and one Redis, or the clusters
	 * @param apps where the indexer and the api run
	 * @param directory where apps in processes of their own write their logs
	 */
	static BenchStack start(String elasticsearchHeap, Topology topology, Apps apps, Path directory) {
		Launcher launcher = new Launcher();
		try {
			Stores stores = switch (topology) {
				case SINGLE -> single(launcher, elasticsearchHeap);
				case CLUSTER -> cluster(launcher, elasticsearchHeap);
			};
			DevIssuer issuer = launcher.keep(DevIssuer.start(0));
			// Every app gets the same addresses, in this JVM or in a process of its own:
			// every Elasticsearch node and the Redis Cluster's seeds (the clients spread
			// their requests and learn the slots from them).
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
			// The same lags counted in the freshness chart's bins (LagHistogram).
			indexer.put("management.metrics.distribution.slo." + VISIBLE_LAG, LagHistogram.serviceLevelObjectives());
			Map<String, String> api = new LinkedHashMap<>(services);
			api.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
			// The benchmark measures capacity, not the limits: the bench tenants are on a
			// plan too large to refuse anything (a 2M-event load is far over the standard
			// plan's 10,000 events/s).
			api.putAll(LimitPlans.plan(UNLIMITED, UNLIMITED_UNITS, UNLIMITED_UNITS, UNLIMITED_UNITS, UNLIMITED_UNITS));
			for (Tenant tenant : Tenant.values()) {
				api.put("rollcall.limits.tenants." + tenant.id() + ".plan", UNLIMITED);
			}
			// A second api without the result cache: the gateway's own overhead next to
			// direct Elasticsearch, measured in the same run as the cached one.
			Map<String, String> uncachedApi = new LinkedHashMap<>(api);
			uncachedApi.put("rollcall.cache.enabled", "false");
			Map<String, String> limitedApi = limitedApiProperties(uncachedApi);
			BenchApps running = switch (apps) {
				case JVM -> InJvmApps.start(launcher, indexer, api, uncachedApi, limitedApi);
				case PROCESSES -> AppProcesses.start(launcher, Bench.root(), directory, issuer, indexer, api,
						uncachedApi, limitedApi);
			};
			return new BenchStack(launcher, stores, issuer, running);
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
		return new Stores(elasticsearch.url(), elasticsearch.url(), redis.url(), List.of(redis.url()), Map.of());
	}

	/**
	 * As devstack's cluster topology ({@code ClusterServices}, {@code DevStack}): 3
	 * nodes, 3 shards and 1 replica per index, a Redis Cluster of 3 masters with a
	 * replica each.
	 */
	private static Stores cluster(Launcher launcher, String heap) {
		ElasticsearchCluster elasticsearch = launcher
			.keep(ElasticsearchCluster.start(ElasticsearchOptions.temporary().withHeap(heap), 3));
		RedisCluster redis = launcher.keep(RedisCluster.start(3));
		List<String> masters = redis.nodes().stream().filter(redis::isMaster).map(RedisServer::url).toList();
		return new Stores(elasticsearch.url(), elasticsearch.urls(), redis.url(), masters,
				Map.of("rollcall.index.shards", "3", "rollcall.index.replicas", "1"));
	}

	/**
	 * Where Elasticsearch and Redis are.
	 *
	 * @param elasticsearchUrl a node's URL, for the benchmark's own requests
	 * @param elasticsearchUrls every node's, comma-separated, for the apps
	 * @param redisUrl the one server, or the cluster's seeds
	 * @param redisServers the servers that run the apps' commands: the one server, or the
	 * cluster's masters (their replicas only replay them)
	 * @param indexSettings the indexer's shards and replicas, when not its defaults
	 */
	private record Stores(String elasticsearchUrl, String elasticsearchUrls, String redisUrl, List<String> redisServers,
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
		// Writes unlimited: the benchmark limits queries only.
		limited.putAll(
				LimitPlans.plan(NOISY, NoisyNeighbour.BURST, NoisyNeighbour.QUOTA, UNLIMITED_UNITS, UNLIMITED_UNITS));
		limited.put("rollcall.limits.tenants." + Tenant.DEMO.id() + ".plan", NOISY);
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
		return this.apps.api().resolve(path);
	}

	/** {@code path} on the api instance whose result cache is off. */
	URI uncachedApi(String path) {
		return this.apps.uncachedApi().resolve(path);
	}

	/**
	 * {@code path} on the api instance that limits tenant {@code demo} (see
	 * {@link #limitedApiProperties(Map)}).
	 */
	URI limitedApi(String path) {
		return this.apps.limitedApi().resolve(path);
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
		return this.apps.searchTimeout();
	}

	/** The indexer's registry, when it runs in this JVM. */
	Optional<MeterRegistry> indexerMeters() {
		return this.apps.indexerMeters();
	}

	BenchApps apps() {
		return this.apps;
	}

	RedisCommandStats redisCommands() {
		return this.redisCommands;
	}

	@Override
	public void close() {
		this.launcher.close();
	}

}
