package io.rollcall.stack;

import io.rollcall.api.ApiApplication;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.indexer.IndexerApplication;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the whole of Rollcall on this machine: Elasticsearch, Redis and the dev OAuth2
 * issuer from devstack, then the indexer (127.0.0.1:8081) and the api (127.0.0.1:8080).
 * The two applications stay separately deployable; hosting them in one JVM only saves a
 * start-up.
 *
 * <p>
 * Elasticsearch data and the Redis append-only file live under
 * {@link ElasticsearchOptions#defaultNodeDir()}'s parent and survive restarts;
 * {@code --fresh} wipes them first. Ctrl-C stops everything, in reverse start order.
 */
public final class LocalStack {

	static final int ISSUER_PORT = 9000;

	static final int INDEXER_PORT = 8081;

	static final int API_PORT = 8080;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		boolean fresh = List.of(args).contains("--fresh");
		LocalStack stack = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "rollcall-stack-shutdown"));
		stack.start(fresh);
		new CountDownLatch(1).await();
	}

	private void start(boolean fresh) {
		Path elasticsearchDir = ElasticsearchOptions.defaultNodeDir();
		ElasticsearchNode elasticsearch = keep(
				ElasticsearchNode.start(ElasticsearchOptions.persistent(elasticsearchDir).withWipe(fresh)));
		RedisServer redis = keep(RedisServer.start(RedisOptions.appendOnly(redisDir(elasticsearchDir, fresh))));
		DevIssuer issuer = keep(DevIssuer.start(ISSUER_PORT));
		Map<String, String> services = Map.of("rollcall.elasticsearch.url", elasticsearch.url(), "rollcall.redis.url",
				redis.url());
		keep(run(IndexerApplication.builder(), services, Map.of("server.port", Integer.toString(INDEXER_PORT))));
		// Introspection is on for GraphiQL here only; it is off by default elsewhere.
		keep(run(ApiApplication.builder(), services,
				Map.of("server.port", Integer.toString(API_PORT), "rollcall.security.issuer-uri",
						issuer.issuerUri().toString(), "rollcall.security.introspection-enabled", "true")));
		printWelcome(elasticsearch, redis, issuer);
	}

	/**
	 * Runs an application with {@code services} and {@code own} as command-line
	 * arguments: they outrank every config file, unlike the builder's default properties.
	 */
	private static AutoCloseable run(SpringApplicationBuilder application, Map<String, String> services,
			Map<String, String> own) {
		String[] args = java.util.stream.Stream.of(services, own)
			.flatMap(map -> map.entrySet().stream())
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return application.run(args);
	}

	private static Path redisDir(Path elasticsearchDir, boolean fresh) {
		Path dir = elasticsearchDir.resolveSibling("redis");
		if (fresh) {
			org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
		}
		return dir;
	}

	private <T extends AutoCloseable> T keep(T service) {
		started.push(service);
		return service;
	}

	private synchronized void stop() {
		while (!started.isEmpty()) {
			AutoCloseable service = started.pop();
			try {
				service.close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + service + ": " + ex);
			}
		}
	}

	private static void printWelcome(ElasticsearchNode elasticsearch, RedisServer redis, DevIssuer issuer) {
		System.out.printf("""

				Rollcall is running.
				  api            http://127.0.0.1:%d  (POST /v1/events, POST /graphql)
				  GraphiQL       http://127.0.0.1:%d/graphiql
				  api health     http://127.0.0.1:%d/actuator/health
				  indexer        http://127.0.0.1:%d/actuator/health
				  OAuth2 issuer  %s  (token endpoint %s)
				  Elasticsearch  %s  (data in %s)
				  Redis          %s
				Demo clients (client credentials): demo-admin/demo-admin-secret (tenant demo),
				  other-admin/other-admin-secret (tenant other), demo-reader/demo-reader-secret,
				  demo-manager/demo-manager-secret (team-1). Ctrl-C stops everything.
				%n""", API_PORT, API_PORT, API_PORT, INDEXER_PORT, issuer.issuerUri(), issuer.tokenUri(),
				elasticsearch.url(), elasticsearch.nodeDir(), redis.url());
	}

}
