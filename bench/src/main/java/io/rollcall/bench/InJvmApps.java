package io.rollcall.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.ApiApplication;
import io.rollcall.api.isolation.SearchBulkhead;
import io.rollcall.indexer.IndexerApplication;
import io.rollcall.stack.Launcher;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The indexer and the api instances in the benchmark's JVM, started as the local stack
 * starts them ({@code IndexerApplication.builder()} and {@code ApiApplication.builder()}
 * through {@link Launcher}), closed with it.
 */
final class InJvmApps implements BenchApps {

	private final ConfigurableApplicationContext indexer;

	private final ConfigurableApplicationContext api;

	private final URI uncachedApi;

	private final URI limitedApi;

	private final String searchTimeout;

	private InJvmApps(ConfigurableApplicationContext indexer, ConfigurableApplicationContext api,
			ConfigurableApplicationContext uncachedApi, ConfigurableApplicationContext limitedApi) {
		this.indexer = indexer;
		this.api = api;
		this.uncachedApi = base(uncachedApi);
		this.limitedApi = base(limitedApi);
		this.searchTimeout = uncachedApi.getBean(SearchBulkhead.class).searchTimeout();
	}

	/** Starts the apps with these properties; {@code launcher} closes them. */
	static InJvmApps start(Launcher launcher, Map<String, String> indexer, Map<String, String> api,
			Map<String, String> uncachedApi, Map<String, String> limitedApi) {
		return new InJvmApps(launcher.run(IndexerApplication.builder(), indexer),
				launcher.run(ApiApplication.builder(), api), launcher.run(ApiApplication.builder(), uncachedApi),
				launcher.run(ApiApplication.builder(), limitedApi));
	}

	private static URI base(ConfigurableApplicationContext application) {
		return URI.create("http://127.0.0.1:" + Launcher.port(application) + "/");
	}

	@Override
	public URI api() {
		return base(this.api);
	}

	@Override
	public URI uncachedApi() {
		return this.uncachedApi;
	}

	@Override
	public URI limitedApi() {
		return this.limitedApi;
	}

	@Override
	public String searchTimeout() {
		return this.searchTimeout;
	}

	@Override
	public Optional<MeterRegistry> indexerMeters() {
		return Optional.of(this.indexer.getBean(MeterRegistry.class));
	}

	@Override
	public OptionalDouble apiCount(String name, String tag, String value) {
		return count(this.api.getBean(MeterRegistry.class), name, tag, value);
	}

	static OptionalDouble count(MeterRegistry meters, String name, String tag, String value) {
		if (meters.find(name).meters().isEmpty()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble
			.of(meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum());
	}

	@Override
	public List<AppProcess> processes() {
		return List.of();
	}

}
