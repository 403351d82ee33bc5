package io.rollcall.devstack.external;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The addresses of an Elasticsearch and a Redis run by someone else: a cluster of either
 * is several addresses separated by commas.
 *
 * @param elasticsearchUrl {@code http://host:port}, or several separated by commas
 * @param redisUrl {@code redis://host:port}, or for a Redis Cluster
 * {@code redis://host:port,host:port,...}
 */
public record ExternalServices(String elasticsearchUrl, String redisUrl) {

	/**
	 * The system property naming Elasticsearch; the environment has ELASTICSEARCH_URL.
	 */
	public static final String ELASTICSEARCH_URL_PROPERTY = "rollcall.devstack.elasticsearch-url";

	/** The system property naming Redis; the environment has REDIS_URL. */
	public static final String REDIS_URL_PROPERTY = "rollcall.devstack.redis-url";

	/**
	 * The services named by this JVM's system properties or, failing those, its
	 * environment; empty when neither names any.
	 * @throws IllegalStateException when only one of the two is named
	 */
	public static Optional<ExternalServices> fromEnvironment() {
		return from(System::getProperty, System.getenv());
	}

	static Optional<ExternalServices> from(UnaryOperator<String> properties, Map<String, String> environment) {
		Optional<String> elasticsearch = setting(properties, environment, ELASTICSEARCH_URL_PROPERTY,
				"ELASTICSEARCH_URL");
		Optional<String> redis = setting(properties, environment, REDIS_URL_PROPERTY, "REDIS_URL");
		if (elasticsearch.isPresent() != redis.isPresent()) {
			throw new IllegalStateException(
					"Set both ELASTICSEARCH_URL and REDIS_URL (or -D" + ELASTICSEARCH_URL_PROPERTY + " and -D"
							+ REDIS_URL_PROPERTY + "), or neither to run them locally");
		}
		return elasticsearch.map(url -> new ExternalServices(url, redis.orElseThrow()));
	}

	private static Optional<String> setting(UnaryOperator<String> properties, Map<String, String> environment,
			String property, String variable) {
		return Optional.ofNullable(properties.apply(property))
			.or(() -> Optional.ofNullable(environment.get(variable)))
			.filter(value -> !value.isBlank());
	}

	/** The first Elasticsearch address, for requests that any node answers. */
	public String firstElasticsearchUrl() {
		return this.elasticsearchUrl.split(",", 2)[0].strip();
	}

}
