package io.rollcall.stack;

import io.rollcall.api.ApiApplication;
import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.external.ExternalServices;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;
import io.rollcall.indexer.IndexerApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole of Rollcall on this machine: Elasticsearch, Redis and the dev OAuth2
 * issuer from devstack, then the indexer (127.0.0.1:8081) and the api (127.0.0.1:8080).
 * The two applications stay separately deployable; hosting them in one JVM only saves a
 * start-up.
 *
 * <p>
 * Elasticsearch data and the Redis append-only file live under
 * {@link ElasticsearchOptions#defaultNodeDir()}'s parent and survive restarts;
 * {@code --fresh} wipes them first; {@code --demo-data} loads tenant {@code demo} and
 * keeps events flowing in (see {@link DemoData}). Ctrl-C stops everything, in reverse
 * start order.
 *
 * <p>
 * With {@code ELASTICSEARCH_URL} and {@code REDIS_URL} set (as the tests honour them, see
 * {@link ExternalServices}), it starts only the issuer, the indexer and the api, and they
 * use those services: a cluster of either is several addresses separated by commas.
 */
public final class LocalStack {

	static final int ISSUER_PORT = 9000;

	static final int INDEXER_PORT = 8081;

	static final int API_PORT = 8080;

	/**
	 * The limits of the local run, small enough to see them work, on named plans. Tenant
	 * {@code demo} is on plan {@code trial}: 12,000 cost units of burst and 20 per
	 * second, for the tenant and for each client. A full {@code repProgress(first: 500)}
	 * page costs 3,055 units (docs/RATE-LIMITS.md), so the fourth full page in a row is
	 * refused. Pages of a small program return fewer rows and the unused estimate is
	 * refunded, about 60 units a page stay charged: 300 back-to-back pages (about 20 s)
	 * still ask for some 18,000 units against 12,000 + 20 per second, and are refused
	 * from about the 170th on. The partner client {@code demo-partner} has a plan of its
	 * own, {@code partner}: 6,000 units of burst and 10 per second for its client bucket,
	 * within its tenant's.
	 */
	static final Map<String, String> DEMO_LIMITS = limits();

	private final Launcher launcher = new Launcher();

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		boolean fresh = List.of(args).contains("--fresh");
		boolean demoData = List.of(args).contains(DemoData.FLAG);
		LocalStack stack = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(stack.launcher::close, "rollcall-stack-shutdown"));
		stack.start(fresh, demoData);
		new CountDownLatch(1).await();
	}

	private void start(boolean fresh, boolean demoData) {
		Stores stores = ExternalServices.fromEnvironment().map(LocalStack::external).orElseGet(() -> local(fresh));
		DevIssuer issuer = launcher.keep(DevIssuer.start(ISSUER_PORT));
		Map<String, String> services = stores.properties();
		launcher.run(IndexerApplication.builder(), with(services, "server.port", Integer.toString(INDEXER_PORT)));
		Map<String, String> api = with(services, "server.port", Integer.toString(API_PORT));
		api.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
		// Introspection is on for GraphiQL here only; it is off by default elsewhere.
		api.put("rollcall.security.introspection-enabled", "true");
		api.putAll(DEMO_LIMITS);
		launcher.run(ApiApplication.builder(), api);
		printWelcome(stores, issuer);
		if (demoData) {
			launcher.keep(DemoData.start(URI.create("http://127.0.0.1:" + API_PORT), issuer));
		}
	}

	/** Devstack's own Elasticsearch node and Redis, persistent across runs. */
	private Stores local(boolean fresh) {
		Path elasticsearchDir = ElasticsearchOptions.defaultNodeDir();
		ElasticsearchNode elasticsearch = launcher
			.keep(ElasticsearchNode.start(ElasticsearchOptions.persistent(elasticsearchDir).withWipe(fresh)));
		Path redisDir = redisDir(elasticsearchDir, fresh);
		RedisServer redis = launcher.keep(RedisServer.start(RedisOptions.appendOnly(redisDir)));
		return new Stores(elasticsearch.url(), "data in " + elasticsearch.nodeDir(), redis.url(),
				"append-only file in " + redisDir);
	}

	/** Services someone else runs: used as they are, never started, stopped or wiped. */
	static Stores external(ExternalServices services) {
		return new Stores(services.elasticsearchUrl(), "ELASTICSEARCH_URL, not started here", services.redisUrl(),
				"REDIS_URL, not started here");
	}

	/**
	 * Where the indexer and the api find Elasticsearch and Redis, for both and the
	 * welcome.
	 */
	record Stores(String elasticsearchUrl, String elasticsearchNote, String redisUrl, String redisNote) {

		Map<String, String> properties() {
			return Map.of("rollcall.elasticsearch.url", this.elasticsearchUrl, "rollcall.redis.url", this.redisUrl);
		}

	}

	private static Map<String, String> limits() {
		Map<String, String> limits = new LinkedHashMap<>();
		// Writes as in the standard plan.
		limits.putAll(LimitPlans.plan("trial", 12_000, 20, 100_000, 10_000));
		limits.putAll(LimitPlans.plan("partner", 6_000, 10, 100_000, 10_000));
		limits.put("rollcall.limits.tenants.demo.plan", "trial");
		limits.put("rollcall.limits.clients.demo-partner.plan", "partner");
		return Map.copyOf(limits);
	}

	private static Map<String, String> with(Map<String, String> services, String key, String value) {
		Map<String, String> properties = new LinkedHashMap<>(services);
		properties.put(key, value);
		return properties;
	}

	private static Path redisDir(Path elasticsearchDir, boolean fresh) {
		Path dir = elasticsearchDir.resolveSibling("redis");
		if (fresh) {
			org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
		}
		return dir;
	}

	private static void printWelcome(Stores stores, DevIssuer issuer) {
		System.out.printf("""

				Rollcall is running.
				  dashboard      http://127.0.0.1:%d/  (sign in as demo-admin/demo-admin-password
				                 or demo-manager/demo-manager-password; --demo-data fills it)
				  api            http://127.0.0.1:%d  (POST /v1/events, POST /graphql)
				  GraphiQL       http://127.0.0.1:%d/graphiql
				  api health     http://127.0.0.1:%d/actuator/health
				  indexer        http://127.0.0.1:%d/actuator/health
				  OAuth2 issuer  %s  (token endpoint %s)
				  Elasticsearch  %s  (%s)
				  Redis          %s  (%s)
				Demo clients (client credentials): demo-admin/demo-admin-secret (tenant demo),
				  other-admin/other-admin-secret (tenant other), demo-reader/demo-reader-secret,
				  demo-manager/demo-manager-secret (team-1), demo-partner/demo-partner-secret
				  (plan partner). Ctrl-C stops everything.
				%n""", API_PORT, API_PORT, API_PORT, API_PORT, INDEXER_PORT, issuer.issuerUri(), issuer.tokenUri(),
				stores.elasticsearchUrl(), stores.elasticsearchNote(), stores.redisUrl(), stores.redisNote());
	}

}
