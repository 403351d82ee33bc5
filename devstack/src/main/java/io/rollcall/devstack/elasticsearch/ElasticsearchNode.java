package io.rollcall.devstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.rollcall.devstack.process.DevStackDirs;
import io.rollcall.devstack.process.FreePort;
import io.rollcall.devstack.process.ManagedProcess;
import io.rollcall.devstack.process.Unprivileged;

/**
 * A single-node Elasticsearch on 127.0.0.1, security off, run with this JVM's JDK (21+ is
 * required), or one node of an {@link ElasticsearchCluster}.
 * <p>
 * The HTTP and transport ports are chosen once, so {@link #stop()} (or {@link #kill()})
 * then {@link #start()} brings the same node back on the same URL with the same data.
 * When this JVM is root, the node runs as {@code nobody} (Elasticsearch refuses root),
 * owning its node folder.
 */
public final class ElasticsearchNode implements AutoCloseable {

	private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private static final String DEFAULT_NAME = "rollcall-devstack";

	private final ElasticsearchOptions options;

	private final Path home;

	private final Path nodeDir;

	private final int httpPort;

	private final int transportPort;

	private ManagedProcess process;

	private ElasticsearchNode(ElasticsearchOptions options, Path home, Path nodeDir, int httpPort, int transportPort) {
		this.options = options;
		this.home = home;
		this.nodeDir = nodeDir;
		this.httpPort = httpPort;
		this.transportPort = transportPort;
	}

	/**
	 * Unpacks the distribution if needed, starts a node and waits until it is yellow.
	 * @throws IllegalStateException with the log's tail when it does not come up in time
	 */
	public static ElasticsearchNode start(ElasticsearchOptions options) {
		ElasticsearchNode node = prepare(options, FreePort.find(), FreePort.find());
		try {
			node.start();
			return node;
		}
		catch (RuntimeException ex) {
			node.close();
			throw ex;
		}
	}

	/**
	 * A node not started yet, on the given ports: the members of a cluster must know each
	 * other's transport ports before any of them starts.
	 */
	static ElasticsearchNode prepare(ElasticsearchOptions options, int httpPort, int transportPort) {
		return new ElasticsearchNode(options, ElasticsearchDistribution.home(), prepareNodeDir(options), httpPort,
				transportPort);
	}

	private static Path prepareNodeDir(ElasticsearchOptions options) {
		try {
			if (options.nodeDir() == null) {
				return Files.createTempDirectory(DevStackDirs.temp(), "rollcall-elasticsearch-");
			}
			if (options.wipe()) {
				DevStackDirs.deleteTree(options.nodeDir());
			}
			return DevStackDirs.directory(options.nodeDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Elasticsearch node folder", ex);
		}
	}

	/**
	 * Starts the node again after {@link #stop()}: same folder, same ports. No-op when
	 * running.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		launch();
		try {
			awaitYellow();
		}
		catch (RuntimeException ex) {
			this.process.close();
			throw ex;
		}
	}

	/**
	 * Starts the process without waiting for it: a cluster's first node is not yellow
	 * before the others have joined.
	 */
	synchronized void launch() {
		Path config = this.nodeDir.resolve("config");
		Path tmp = this.nodeDir.resolve("tmp");
		try {
			// A node-private config/ (ES_PATH_CONF): Elasticsearch writes its keystore
			// there.
			if (!Files.isDirectory(config)) {
				ElasticsearchDistribution.copyTree(this.home.resolve("config"), config);
			}
			for (String dir : List.of("data", "logs", "tmp")) {
				Files.createDirectories(this.nodeDir.resolve(dir));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + this.nodeDir, ex);
		}
		Unprivileged.own(this.nodeDir);
		Map<String, String> environment = Map.of("ES_JAVA_HOME", System.getProperty("java.home"), "ES_PATH_CONF",
				config.toString(), "ES_TMPDIR", tmp.toString(), "ES_JAVA_OPTS",
				"-Xms" + this.options.heap() + " -Xmx" + this.options.heap());
		this.process = ManagedProcess.start("elasticsearch", Unprivileged.command(command()), environment,
				this.nodeDir.resolve("logs").resolve("console.log"), STOP_GRACE_PERIOD);
	}

	private List<String> command() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("node.name", DEFAULT_NAME);
		settings.put("discovery.type", "single-node");
		settings.put("xpack.security.enabled", "false");
		settings.put("network.host", "127.0.0.1");
		settings.put("http.port", Integer.toString(this.httpPort));
		settings.put("transport.port", Integer.toString(this.transportPort));
		settings.put("path.data", this.nodeDir.resolve("data").toString());
		settings.put("path.logs", this.nodeDir.resolve("logs").toString());
		// A nearly full developer disk must not turn indices read-only in the middle of a
		// test.
		settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
		// Lets tests and developers wipe rollcall* at once; never set on a shared
		// cluster.
		settings.put("action.destructive_requires_name", "false");
		settings.putAll(this.options.settings());
		List<String> command = new ArrayList<>(List.of(this.home.resolve("bin/elasticsearch").toString()));
		settings.forEach((name, value) -> command.addAll(List.of("-E", name + "=" + value)));
		return command;
	}

	/**
	 * Waits until the node's cluster is at least yellow, as this node sees it, failing
	 * fast when the process exits.
	 */
	void awaitYellow() {
		awaitUntil("yellow", http -> http.awaitYellow(POLL_INTERVAL));
	}

	/** Waits until the node answers HTTP, whatever its cluster's state. */
	void awaitListening() {
		awaitUntil("listening", ElasticsearchHttp::listens);
	}

	private void awaitUntil(String what, Predicate<ElasticsearchHttp> ready) {
		ElasticsearchHttp http = new ElasticsearchHttp(url());
		long deadline = System.nanoTime() + this.options.startupTimeout().toNanos();
		while (!ready.test(http)) {
			if (this.process.awaitExit(POLL_INTERVAL)) {
				throw startFailure("exited");
			}
			if (System.nanoTime() > deadline) {
				throw startFailure("was not " + what + " within " + this.options.startupTimeout());
			}
		}
	}

	private IllegalStateException startFailure(String what) {
		return new IllegalStateException("Elasticsearch " + what + ". Log: " + this.process.logFile() + " (and "
				+ this.nodeDir.resolve("logs") + "); last lines:" + System.lineSeparator() + this.process.logTail(40));
	}

	/**
	 * The distribution's version, e.g. {@code 9.2.8}: the one devstack was built with.
	 */
	public static String version() {
		return ElasticsearchDistribution.buildProperties().getProperty("elasticsearch.version");
	}

	/** {@code http://127.0.0.1:<port>} */
	public String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	public int httpPort() {
		return this.httpPort;
	}

	/** The folder with the node's data, logs and config. */
	public Path nodeDir() {
		return this.nodeDir;
	}

	/** The node's name in its cluster. */
	public String name() {
		return this.options.settings().getOrDefault("node.name", DEFAULT_NAME);
	}

	/** Whether the node's process runs. */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Stops the node, keeping its data. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.close();
		}
	}

	/**
	 * Kills the node at once ({@code SIGKILL} to its process tree), as a crash or a lost
	 * machine would; its data stays, and {@link #start()} brings it back.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/** Stops the node and deletes its folder if it is temporary. */
	@Override
	public synchronized void close() {
		stop();
		if (this.options.nodeDir() == null) {
			DevStackDirs.deleteTree(this.nodeDir);
		}
	}

}
