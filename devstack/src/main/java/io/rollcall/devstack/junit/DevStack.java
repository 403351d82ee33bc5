package io.rollcall.devstack.junit;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.rollcall.devstack.elasticsearch.ElasticsearchHttp;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.redis.RedisCommand;

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

	public static final String ELASTICSEARCH_URL_PROPERTY = "rollcall.devstack.elasticsearch-url";

	public static final String REDIS_URL_PROPERTY = "rollcall.devstack.redis-url";

	public static final String HEAP_PROPERTY = "rollcall.devstack.elasticsearch-heap";

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
		Optional<String> elasticsearchUrl = setting(ELASTICSEARCH_URL_PROPERTY, "ELASTICSEARCH_URL");
		Optional<String> redisUrl = setting(REDIS_URL_PROPERTY, "REDIS_URL");
		if (elasticsearchUrl.isPresent() != redisUrl.isPresent()) {
			throw new IllegalStateException("Set both ELASTICSEARCH_URL and REDIS_URL (or " + ELASTICSEARCH_URL_PROPERTY
					+ " and " + REDIS_URL_PROPERTY + "), or neither to run them locally");
		}
		if (elasticsearchUrl.isPresent()) {
			return new Services.External(elasticsearchUrl.get(), redisUrl.get());
		}
		String heap = System.getProperty(HEAP_PROPERTY, ElasticsearchOptions.DEFAULT_HEAP);
		if ("containers".equals(System.getProperty(MODE_PROPERTY))) {
			return ContainerServices.start(ElasticsearchNode.version(), heap);
		}
		return LocalServices.start(ElasticsearchOptions.temporary().withHeap(heap));
	}

	private static Optional<String> setting(String property, String environmentVariable) {
		return Optional.ofNullable(System.getProperty(property, System.getenv(environmentVariable)))
			.filter(value -> !value.isBlank());
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

	/** {@code http://127.0.0.1:<port>} */
	public String elasticsearchUrl() {
		return this.services.elasticsearchUrl();
	}

	/** {@code redis://127.0.0.1:<port>} */
	public String redisUrl() {
		return this.services.redisUrl();
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
	 * {@code rollcall.elasticsearch.url}, {@code rollcall.elasticsearch.index-prefix},
	 * {@code rollcall.redis.url} and {@code rollcall.redis.key-prefix}.
	 */
	public Map<String, String> springProperties() {
		return Map.of("rollcall.elasticsearch.url", elasticsearchUrl(), "rollcall.elasticsearch.index-prefix",
				indexPrefix(), "rollcall.redis.url", redisUrl(), "rollcall.redis.key-prefix", redisKeyPrefix());
	}

	/**
	 * A clean state: deletes every index named {@code rollcall*} (index templates stay)
	 * and flushes Redis.
	 */
	public void reset() {
		new ElasticsearchHttp(elasticsearchUrl()).deleteIndices("rollcall*");
		RedisCommand.expect(redisUrl(), "+OK", "FLUSHALL");
	}

	/** Stops Elasticsearch, keeping its data; only for local services. */
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

	/** Stops Redis; only for local services. */
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
