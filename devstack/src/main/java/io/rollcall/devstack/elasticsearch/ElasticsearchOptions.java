package io.rollcall.devstack.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rollcall.devstack.process.DevStackDirs;

/**
 * How to run a local Elasticsearch node.
 *
 * @param nodeDir the folder holding the node's {@code data/}, {@code logs/},
 * {@code config/} and {@code tmp/}; {@code null} for a fresh temporary folder deleted on
 * close (tests)
 * @param wipe whether to delete an existing {@code nodeDir} first, to start from an empty
 * cluster
 * @param heap the JVM heap ({@code -Xms}/{@code -Xmx}), e.g. {@code 1g}
 * @param startupTimeout how long to wait for the cluster to turn yellow
 * @param settings extra {@code -E} settings, e.g. {@code thread_pool.write.queue_size=1}
 * to provoke 429s
 */
public record ElasticsearchOptions(Path nodeDir, boolean wipe, String heap, Duration startupTimeout,
		Map<String, String> settings) {

	/** The default heap: enough for tests and the local stack. */
	public static final String DEFAULT_HEAP = "1g";

	/** The default start-up timeout: start-up takes 20-30 s on 2 cores. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

	public ElasticsearchOptions {
		settings = Map.copyOf(settings);
	}

	/** A fresh node in a temporary folder, deleted on close. */
	public static ElasticsearchOptions temporary() {
		return new ElasticsearchOptions(null, false, DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT, Map.of());
	}

	/** A node keeping its data in {@code nodeDir} across runs. */
	public static ElasticsearchOptions persistent(Path nodeDir) {
		return new ElasticsearchOptions(nodeDir, false, DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT, Map.of());
	}

	/**
	 * The default folder of the local run command's node: {@code .rollcall/elasticsearch}
	 * in the working directory, or {@code /var/tmp/rollcall-devstack/elasticsearch} as
	 * root (Elasticsearch then runs as {@code nobody}, which cannot reach most folders
	 * root works in).
	 */
	public static Path defaultNodeDir() {
		return DevStackDirs.isRoot() ? DevStackDirs.base().resolve("elasticsearch")
				: Path.of(".rollcall", "elasticsearch").toAbsolutePath();
	}

	public ElasticsearchOptions withWipe(boolean wipe) {
		return new ElasticsearchOptions(this.nodeDir, wipe, this.heap, this.startupTimeout, this.settings);
	}

	public ElasticsearchOptions withHeap(String heap) {
		return new ElasticsearchOptions(this.nodeDir, this.wipe, heap, this.startupTimeout, this.settings);
	}

	public ElasticsearchOptions withStartupTimeout(Duration startupTimeout) {
		return new ElasticsearchOptions(this.nodeDir, this.wipe, this.heap, startupTimeout, this.settings);
	}

	/**
	 * Adds an {@code -E} setting; unknown settings make Elasticsearch refuse to start.
	 */
	public ElasticsearchOptions withSetting(String name, String value) {
		Map<String, String> settings = new LinkedHashMap<>(this.settings);
		settings.put(name, value);
		return new ElasticsearchOptions(this.nodeDir, this.wipe, this.heap, this.startupTimeout, settings);
	}

}
