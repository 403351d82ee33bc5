package io.rollcall.devstack.junit;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Elasticsearch and Redis in Docker ({@code -Drollcall.devstack=containers}).
 * Testcontainers is an optional dependency: only this class touches it, and only in that
 * mode.
 */
final class ContainerServices implements Services {

	private final GenericContainer<?> elasticsearch;

	private final GenericContainer<?> redis;

	private ContainerServices(GenericContainer<?> elasticsearch, GenericContainer<?> redis) {
		this.elasticsearch = elasticsearch;
		this.redis = redis;
	}

	static ContainerServices start(String elasticsearchVersion, String heap) {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			throw new IllegalStateException("-Drollcall.devstack=containers needs Docker, and none is available;"
					+ " drop the property to run Elasticsearch and Redis as local processes");
		}
		GenericContainer<?> elasticsearch = new GenericContainer<>(
				DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch").withTag(elasticsearchVersion))
			.withEnv("discovery.type", "single-node")
			.withEnv("xpack.security.enabled", "false")
			.withEnv("action.destructive_requires_name", "false")
			.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
			.withEnv("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap)
			.withExposedPorts(9200)
			.waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow")
				.forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(3)));
		GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379)
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
		try {
			redis.start();
			elasticsearch.start();
			return new ContainerServices(elasticsearch, redis);
		}
		catch (RuntimeException ex) {
			redis.stop();
			elasticsearch.stop();
			throw ex;
		}
	}

	@Override
	public String elasticsearchUrl() {
		return "http://" + this.elasticsearch.getHost() + ":" + this.elasticsearch.getMappedPort(9200);
	}

	@Override
	public String redisUrl() {
		return "redis://" + this.redis.getHost() + ":" + this.redis.getMappedPort(6379);
	}

	@Override
	public void close() {
		this.redis.stop();
		this.elasticsearch.stop();
	}

}
