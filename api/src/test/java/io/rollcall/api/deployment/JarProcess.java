package io.rollcall.api.deployment;

import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.process.FreePort;
import io.rollcall.devstack.process.ManagedProcess;
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
import org.awaitility.core.ConditionTimeoutException;

/**
 * One executable jar run as production runs it, {@code java -jar <jar> --key=value...},
 * in a process of its own on a free loopback port, its output in a log file. It is a
 * devstack {@link ManagedProcess}, so it never outlives the test JVM. Stopping sends
 * SIGTERM to this process only, and kills it only if it has not ended after
 * {@link #PATIENCE}.
 */
final class JarProcess implements AutoCloseable {

	/** The longest a jar may take to become ready, or to stop after SIGTERM. */
	static final Duration PATIENCE = Duration.ofSeconds(180);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final ManagedProcess process;

	private final URI base;

	private final URI management;

	private JarProcess(String name, ManagedProcess process, URI base, URI management) {
		this.name = name;
		this.process = process;
		this.base = base;
		this.management = management;
	}

	/**
	 * Starts {@code jar} with {@code properties} as command-line arguments, on a free
	 * port ({@code server.port}); the management port is {@code management.server.port}
	 * when they name one, else the same.
	 */
	static JarProcess start(String name, Path jar, Map<String, String> properties) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No executable jar at " + jar
					+ ": run the build through the package phase (./mvnw verify) so that it exists");
		}
		int port = FreePort.find();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toAbsolutePath().toString(), "--server.port=" + port));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log;
		try {
			log = Files.createDirectories(Path.of("target", "deployment-tests"))
				.resolve(name + "-" + System.nanoTime() + ".log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ManagedProcess process = ManagedProcess.start(name, command, Map.of(), log, PATIENCE);
		URI base = URI.create("http://127.0.0.1:" + port);
		String managementPort = properties.get("management.server.port");
		return new JarProcess(name, process, base,
				(managementPort != null) ? URI.create("http://127.0.0.1:" + managementPort) : base);
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
		return this.process.logFile();
	}

	String logText() {
		try {
			return Files.readString(log());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200 (Elasticsearch and Redis
	 * up).
	 */
	JarProcess awaitReady() {
		try {
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							this.name + " exited with " + this.process.exitValue() + ":\n" + this.process.logTail(40));
				}
				return status(managementUri("/actuator/health/readiness")) == 200;
			});
			return this;
		}
		catch (ConditionTimeoutException notReady) {
			throw new IllegalStateException(
					this.name + " was not ready within " + PATIENCE + ":\n" + this.process.logTail(40), notReady);
		}
	}

	/**
	 * Sends SIGTERM and returns the exit code once the process has ended: 143 when it
	 * stopped by itself, 137 when it had to be killed after {@link #PATIENCE}.
	 */
	int terminate() {
		this.process.close();
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

	@Override
	public void close() {
		this.process.close();
	}

}
