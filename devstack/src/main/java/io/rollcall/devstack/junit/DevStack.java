package io.rollcall.devstack.junit;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.rollcall.devstack.elasticsearch.ElasticsearchCluster;
import io.rollcall.devstack.elasticsearch.ElasticsearchHttp;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.external.ExternalServices;
import io.rollcall.devstack.redis.RedisCluster;

/**
 * One Elasticsearch and one Redis per test JVM, shared by every test class, in the spirit
 * of elasticsearch-java's {@code ElasticsearchTestServer.global()}.
 * <p>
 * Where the services come from:
 * <ul>
 * <li>{@code ELASTICSEARCH_URL} and {@code REDIS_URL} (or
 * {@value #ELASTICSEARCH_URL_PROPERTY} and {@value #REDIS_URL_PROPERTY}): those, as they
 * are; {@link #reset()} wipes them too;</li>
 * <li>{@code -Drollcall.devstack=containers}: Docker containers through Testcontainers,
 * which the using module must then add as a test dependency;</li>
 * <li>{@code -Drollcall.devstack.topology=cluster}: local processes, an Elasticsearch
 * cluster of three throw-away nodes ({@code -Drollcall.devstack.elasticsearch-heap} each,
 * default 512m) and a Redis Cluster of three masters with a replica each; the
 * applications then get several addresses, and 3 shards and 1 replica per index
 * ({@link #springProperties()});</li>
 * <li>otherwise: local processes, a throw-away Elasticsearch node
 * ({@code -Drollcall.devstack.elasticsearch-heap}, default 1g) and an in-memory
 * redis-server.</li>
 * </ul>
 * When the services cannot start, {@link #global()} throws, and keeps throwing the same
 * failure: integration tests fail, they never skip.
 */
public final class DevStack implements AutoCloseable {

	/** {@code containers} selects Testcontainers. */
	public static final String MODE_PROPERTY = "rollcall.devstack";

	public static final String ELASTICSEARCH_URL_PROPERTY = ExternalServices.ELASTICSEARCH_URL_PROPERTY;

	public static final String REDIS_URL_PROPERTY = ExternalServices.REDIS_URL_PROPERTY;

	public static final String HEAP_PROPERTY = "rollcall.devstack.elasticsearch-heap";

	/**
	 * {@code cluster} selects the local cluster topology; {@code single} is the default.
	 */
	public static final String TOPOLOGY_PROPERTY = "rollcall.devstack.topology";

	/** Each node of the cluster topology: three of them share the machine. */
	static final String CLUSTER_NODE_HEAP = "512m";

	/** Shards per index in the cluster topology: one per node. */
	static final int CLUSTER_SHARDS = 3;

	/** Replicas per shard in the cluster topology: a node can be lost. */
	static final int CLUSTER_REPLICAS = 1;

	private static DevStack global;

	private static RuntimeException globalFailure;

	private final Services services;

	private final String runId;

	private DevStack(Services services, String runId) {
		this.services = services;
		this.runId = runId;
	}

	/** The JVM's stack, started on first use and closed when the JVM exits. */
	public static synchronized DevStack global() {
		if (globalFailure != null) {
			throw new IllegalStateException("devstack could not start earlier in this JVM", globalFailure);
		}
		if (global == null) {
			try {
				global = new DevStack(startServices(), newRunId());
			}
			catch (RuntimeException ex) {
				globalFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("devstack-global").unstarted(global::close));
		}
		return global;
	}

	private static Services startServices() {
		Optional<ExternalServices> external = ExternalServices.fromEnvironment();
		if (external.isPresent()) {
			return new Services.External(external.get());
		}
		if (isClusterTopology()) {
			return ClusterServices
				.start(ElasticsearchOptions.temporary().withHeap(System.getProperty(HEAP_PROPERTY, CLUSTER_NODE_HEAP)));
		}
		String heap = System.getProperty(HEAP_PROPERTY, ElasticsearchOptions.DEFAULT_HEAP);
		if ("containers".equals(System.getProperty(MODE_PROPERTY))) {
			return ContainerServices.start(ElasticsearchNode.version(), heap);
		}
		return LocalServices.start(ElasticsearchOptions.temporary().withHeap(heap));
	}

	/** Whether {@value #TOPOLOGY_PROPERTY} asks for the cluster topology. */
	public static boolean isClusterTopology() {
		String topology = System.getProperty(TOPOLOGY_PROPERTY, "single");
		if (!topology.equals("single") && !topology.equals("cluster")) {
			throw new IllegalStateException("-D" + TOPOLOGY_PROPERTY + " is single or cluster, not " + topology);
		}
		return topology.equals("cluster");
	}

	/** Eight lowercase letters: index and key names are valid and hard to collide. */
	private static String newRunId() {
		RandomGenerator random = new SecureRandom();
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			id.append((char) ('a' + random.nextInt(26)));
		}
		return id.toString();
	}

	/**
	 * {@code http://127.0.0.1:<port>}: the node, or a running node of the cluster, for
	 * requests any node answers.
	 */
	public String elasticsearchUrl() {
		return this.services.elasticsearchUrl();
	}

	/**
	 * {@code redis://127.0.0.1:<port>}, or in the cluster topology every node of the
	 * Redis Cluster ({@code redis://127.0.0.1:<port>,127.0.0.1:<port>,...}), as
	 * {@code rollcall.redis.url} takes it.
	 */
	public String redisUrl() {
		return this.services.redisUrl();
	}

	/**
	 * The local Elasticsearch cluster, to stop, kill and restart its nodes.
	 * @throws IllegalStateException unless the topology is {@code cluster}
	 */
	public ElasticsearchCluster elasticsearchCluster() {
		return cluster().elasticsearch();
	}

	/**
	 * The local Redis Cluster, to find, kill and restart its masters.
	 * @throws IllegalStateException unless the topology is {@code cluster}
	 */
	public RedisCluster redisCluster() {
		return cluster().redis();
	}

	private ClusterServices cluster() {
		if (this.services instanceof ClusterServices cluster) {
			return cluster;
		}
		throw new IllegalStateException("This test needs the cluster topology: run it with -D" + TOPOLOGY_PROPERTY
				+ "=cluster (the Maven profile -Pcluster sets it)");
	}

	/** A random suffix for this JVM's index and key names. */
	public String runId() {
		return this.runId;
	}

	/** {@code rollcall-<runId>} */
	public String indexPrefix() {
		return "rollcall-" + this.runId;
	}

	/** {@code rollcall:<runId>:} */
	public String redisKeyPrefix() {
		return "rollcall:" + this.runId + ":";
	}

	/**
	 * The properties other modules' Spring tests feed to {@code @DynamicPropertySource}:
	 * {@code rollcall.elasticsearch.url} (every node),
	 * {@code rollcall.elasticsearch.index-prefix}, {@code rollcall.redis.url} and
	 * {@code rollcall.redis.key-prefix}; in the cluster topology also
	 * {@code rollcall.index.shards} and {@code rollcall.index.replicas}.
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("rollcall.elasticsearch.url", this.services.elasticsearchUrls());
		properties.put("rollcall.elasticsearch.index-prefix", indexPrefix());
		properties.put("rollcall.redis.url", redisUrl());
		properties.put("rollcall.redis.key-prefix", redisKeyPrefix());
		if (this.services instanceof ClusterServices) {
			properties.put("rollcall.index.shards", Integer.toString(CLUSTER_SHARDS));
			properties.put("rollcall.index.replicas", Integer.toString(CLUSTER_REPLICAS));
		}
		return Map.copyOf(properties);
	}

	/**
	 * A clean state: deletes every index named {@code rollcall*} (index templates stay)
	 * and flushes Redis.
	 */
	public void reset() {
		new ElasticsearchHttp(elasticsearchUrl()).deleteIndices("rollcall*");
		this.services.flushRedis();
	}

	/**
	 * Stops Elasticsearch (every node of a cluster), keeping its data; only for local
	 * services.
	 */
	public void stopElasticsearch() {
		this.services.stopElasticsearch();
	}

	/**
	 * Starts Elasticsearch again on the same port with the same data; returns when it is
	 * yellow.
	 */
	public void startElasticsearch() {
		this.services.startElasticsearch();
	}

	/** Stops Redis (every node of a cluster); only for local services. */
	public void stopRedis() {
		this.services.stopRedis();
	}

	/** Starts Redis again, empty, on the same port. */
	public void startRedis() {
		this.services.startRedis();
	}

	@Override
	public void close() {
		this.services.close();
	}

}
