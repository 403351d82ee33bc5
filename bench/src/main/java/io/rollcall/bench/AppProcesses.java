package io.rollcall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.stack.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/**
 * The indexer and the api instances each in a process of its own, from the executable
 * jars that {@code ./mvnw -pl api,indexer -am package -DskipTests} builds
 * ({@code api/target/rollcall-api-*-exec.jar}, {@code indexer/target/...}), with the
 * benchmark's properties, as production runs them ({@link AppProcess}). The apis also
 * expose the actuator's {@code metrics} and {@code configprops} endpoints (to a bearer
 * token, as every other path): the benchmark reads the cache counter and the search
 * timeout there instead of in its own JVM. The indexer's lag timer cannot be read from
 * outside (its percentiles are computed in its registry), so the freshness phase needs
 * the apps in the benchmark's JVM.
 */
final class AppProcesses implements BenchApps {

	/** The chart's memory limits (helm/rollcall/values.yaml). */
	static final String API_MEMORY = "1536m";

	static final String INDEXER_MEMORY = "1g";

	private static final Map<String, String> API_ENDPOINTS = Map.of("management.endpoints.web.exposure.include",
			"health,metrics,configprops", "management.endpoint.configprops.show-values", "always");

	private final AppProcess indexer;

	private final AppProcess api;

	private final AppProcess uncachedApi;

	private final AppProcess limitedApi;

	private final JsonHttp http = new JsonHttp();

	private final String token;

	private final String searchTimeout;

	private AppProcesses(AppProcess indexer, AppProcess api, AppProcess uncachedApi, AppProcess limitedApi,
			String token) {
		this.indexer = indexer;
		this.api = api;
		this.uncachedApi = uncachedApi;
		this.limitedApi = limitedApi;
		this.token = token;
		this.searchTimeout = readSearchTimeout();
	}

	/**
	 * Starts the apps from the jars under {@code root} with these properties, their logs
	 * in {@code directory}; {@code launcher} stops them.
	 */
	static AppProcesses start(Launcher launcher, Path root, Path directory, DevIssuer issuer,
			Map<String, String> indexer, Map<String, String> api, Map<String, String> uncachedApi,
			Map<String, String> limitedApi) {
		Path indexerJar = jar(root, "indexer");
		Path apiJar = jar(root, "api");
		return new AppProcesses(
				launcher.keep(AppProcess.start("bench-indexer", indexerJar, INDEXER_MEMORY, indexer, directory)),
				launcher.keep(AppProcess.start("bench-api", apiJar, API_MEMORY, withEndpoints(api), directory)),
				launcher.keep(AppProcess.start("bench-api-uncached", apiJar, API_MEMORY, withEndpoints(uncachedApi),
						directory)),
				launcher.keep(AppProcess.start("bench-api-limited", apiJar, API_MEMORY, withEndpoints(limitedApi),
						directory)),
				issuer.token(Tenant.DEMO.clientId(), Tenant.DEMO.secret()));
	}

	private static Map<String, String> withEndpoints(Map<String, String> properties) {
		Map<String, String> extended = new LinkedHashMap<>(properties);
		extended.putAll(API_ENDPOINTS);
		return extended;
	}

	/**
	 * The module's one executable jar, e.g.
	 * {@code api/target/rollcall-api-0.1.0-SNAPSHOT-exec.jar}.
	 */
	static Path jar(Path root, String module) {
		Path target = root.resolve(module).resolve("target");
		List<Path> jars = new ArrayList<>();
		if (Files.isDirectory(target)) {
			try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "rollcall-" + module + "-*-exec.jar")) {
				found.forEach(jars::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (jars.size() != 1) {
			throw new IllegalStateException(
					"--apps processes needs exactly one " + target + "/rollcall-" + module + "-*-exec.jar, found "
							+ jars + "; build them with ./mvnw -pl api,indexer -am package -DskipTests");
		}
		return jars.get(0);
	}

	@Override
	public URI api() {
		return this.api.base();
	}

	@Override
	public URI uncachedApi() {
		return this.uncachedApi.base();
	}

	@Override
	public URI limitedApi() {
		return this.limitedApi.base();
	}

	@Override
	public String searchTimeout() {
		return this.searchTimeout;
	}

	/**
	 * The uncached api's {@code rollcall.isolation.search-timeout} as bound (default
	 * included), from its {@code configprops} endpoint, in the form the api sends.
	 */
	private String readSearchTimeout() {
		JsonNode contexts = JsonHttp
			.json(get(this.uncachedApi.base().resolve("actuator/configprops/rollcall.isolation")))
			.path("contexts");
		for (JsonNode context : contexts) {
			for (JsonNode bean : context.path("beans")) {
				JsonNode timeout = bean.path("properties").path("searchTimeout");
				if ("rollcall.isolation".equals(bean.path("prefix").asString(null)) && !timeout.isMissingNode()) {
					Duration duration = timeout.isNumber() ? Duration.ofNanos(Math.round(timeout.asDouble() * 1e9))
							: Duration.parse(timeout.asString());
					return duration.toMillis() + "ms";
				}
			}
		}
		throw new IllegalStateException("the uncached api shows no rollcall.isolation.search-timeout: " + contexts);
	}

	@Override
	public Optional<MeterRegistry> indexerMeters() {
		return Optional.empty();
	}

	@Override
	public OptionalDouble apiCount(String name, String tag, String value) {
		URI meter = this.api.base().resolve("actuator/metrics/" + name);
		if (get(meter).statusCode() == 404) {
			return OptionalDouble.empty();
		}
		HttpResponse<String> tagged = get(
				URI.create(meter + "?tag=" + URLEncoder.encode(tag + ":" + value, StandardCharsets.UTF_8)));
		if (tagged.statusCode() == 404) {
			return OptionalDouble.of(0);
		}
		for (JsonNode measurement : JsonHttp.json(tagged).path("measurements")) {
			if ("COUNT".equals(measurement.path("statistic").asString(null))) {
				return OptionalDouble.of(measurement.path("value").asDouble());
			}
		}
		throw new IllegalStateException(name + " has no COUNT: " + tagged.body());
	}

	private HttpResponse<String> get(URI uri) {
		return this.http.get(uri, this.token);
	}

	@Override
	public List<AppProcess> processes() {
		return List.of(this.api, this.indexer);
	}

}
