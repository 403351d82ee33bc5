package io.rollcall.api.deployment;

import io.rollcall.devstack.process.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One executable jar run as production runs it, {@code java -jar <jar> --key=value...},
 * in a process of its own on a free loopback port, its output in a log file. Stopping
 * sends SIGTERM ({@link Process#destroy()}); only this process is ever signalled.
 */
final class JarProcess implements AutoCloseable {

	/** The longest a jar may take to become ready, or to stop after SIGTERM. */
	static final Duration PATIENCE = Duration.ofSeconds(180);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private final URI base;

	private final URI management;

	private JarProcess(String name, Process process, Path log, URI base, URI management) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.base = base;
		this.management = management;
	}

	/**
	 * Starts {@code jar} with {@code properties} as command-line arguments, on a free
	 * port ({@code server.port}) unless they name one.
	 */
	static JarProcess start(String name, Path jar, Map<String, String> properties) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No executable jar at " + jar
					+ ": run the build through the package phase (./mvnw verify) so that it exists");
		}
		int port = properties.containsKey("server.port") ? Integer.parseInt(properties.get("server.port"))
				: FreePort.find();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toAbsolutePath().toString(), "--server.port=" + port));
		properties.forEach((key, value) -> {
			if (!key.equals("server.port")) {
				command.add("--" + key + "=" + value);
			}
		});
		try {
			Path logs = Files.createDirectories(Path.of("target", "deployment-tests"));
			Path log = logs.resolve(name + "-" + System.nanoTime() + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			URI base = URI.create("http://127.0.0.1:" + port);
			String managementPort = properties.get("management.server.port");
			return new JarProcess(name, process, log, base,
					managementPort == null ? base : URI.create("http://127.0.0.1:" + managementPort));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JVM running this test: the JDK the build uses. */
	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	URI uri(String path) {
		return this.base.resolve(path);
	}

	URI managementUri(String path) {
		return this.management.resolve(path);
	}

	Path log() {
		return this.log;
	}

	String logText() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200 (Elasticsearch and Redis
	 * up).
	 */
	JarProcess awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			if (status(managementUri("/actuator/health/readiness")) == 200) {
				return this;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " was not ready within " + PATIENCE + ":\n" + tail());
	}

	/** Sends SIGTERM and returns the exit code once the process has ended. */
	int terminate() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException(this.name + " did not stop within " + PATIENCE + " of SIGTERM:\n" + tail());
		}
		return this.process.exitValue();
	}

	static int status(URI uri) {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private String tail() {
		List<String> lines = logText().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

}
