package io.rollcall.bench;

import io.rollcall.devstack.process.FreePort;
import io.rollcall.devstack.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Rollcall application in a process of its own, started from its executable jar with
 * the JVM options the chart's image runs it with, on a free loopback port; its output
 * goes to {@code <name>.log} and its collections to {@code <name>-gc.log}. Stopped by its
 * own PID on {@link #close()} (devstack's {@link ManagedProcess}, which also stops it
 * when the benchmark's JVM exits).
 *
 * <p>
 * The JVM options reproduce what the container gets in production (docs/OPERATIONS.md):
 * the image's {@code -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError}, with
 * {@code -XX:MaxRAM} set to the chart's memory limit, since this machine has more memory
 * than the container would; and the Serial collector, which the JVM picks by itself in a
 * container of under 1,792 MB (the chart gives the api 1,536 MiB and the indexer 1 GiB)
 * but not on this machine.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	/**
	 * The line the collector logs for {@code jcmd GC.run}: heap before, after and
	 * committed, e.g. {@code Pause Full (Diagnostic Command) 103M->101M(235M)}.
	 */
	private static final Pattern FULL_GC = Pattern
		.compile("Pause Full \\(Diagnostic Command\\) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private final String name;

	private final ManagedProcess process;

	private final URI base;

	private final Path gcLog;

	private AppProcess(String name, ManagedProcess process, URI base, Path gcLog) {
		this.name = name;
		this.process = process;
		this.base = base;
		this.gcLog = gcLog;
	}

	/**
	 * Starts {@code jar} with {@code properties} as {@code --key=value} arguments (the
	 * port replaced by a free one) and waits until {@code /actuator/health/readiness}
	 * answers 200.
	 * @param memoryLimit the chart's memory limit of the application, e.g. {@code 1536m}
	 */
	static AppProcess start(String name, Path jar, String memoryLimit, Map<String, String> properties, Path directory) {
		int port = FreePort.find();
		Path gcLog = directory.resolve(name + "-gc.log");
		List<String> command = new ArrayList<>(
				List.of(java("java"), "-XX:MaxRAM=" + memoryLimit, "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC",
						"-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString()));
		properties.forEach((key, value) -> {
			if (!key.equals("server.port")) {
				command.add("--" + key + "=" + value);
			}
		});
		command.add("--server.port=" + port);
		try {
			Files.createDirectories(directory);
			Files.deleteIfExists(gcLog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ManagedProcess process = ManagedProcess.start(name, command, Map.of(), directory.resolve(name + ".log"),
				STOP_GRACE);
		AppProcess app = new AppProcess(name, process, URI.create("http://127.0.0.1:" + port + "/"), gcLog);
		try {
			app.awaitReady();
		}
		catch (RuntimeException ex) {
			process.close();
			throw ex;
		}
		return app;
	}

	private void awaitReady() {
		JsonHttp http = new JsonHttp();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited while starting; its log ends with:\n" + this.process.logTail(40));
			}
			try {
				HttpResponse<String> health = http.get(this.base.resolve("actuator/health/readiness"));
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " was not ready within " + READY_TIMEOUT
						+ "; its log ends with:\n" + this.process.logTail(40));
			}
			DirectElasticsearch.pause(Duration.ofMillis(500));
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	/** {@code http://127.0.0.1:<port>/}. */
	URI base() {
		return this.base;
	}

	/** The resident set now ({@code VmRSS} of {@code /proc/<pid>/status}). */
	long residentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
			throw new IllegalStateException("no VmRSS in /proc/" + pid() + "/status");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the resident set of " + this.name, ex);
		}
	}

	/**
	 * Runs a full collection ({@code jcmd <pid> GC.run}) and reads from the GC log what
	 * the heap held right after it, and its committed size.
	 */
	Heap heapAfterGc() {
		try {
			Process jcmd = new ProcessBuilder(java("jcmd"), Long.toString(pid()), "GC.run").redirectErrorStream(true)
				.start();
			String output = new String(jcmd.getInputStream().readAllBytes());
			if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + pid() + " GC.run failed: " + output);
			}
			return lastFullCollection(Files.readAllLines(this.gcLog)).orElseThrow(
					() -> new IllegalStateException("no full collection of " + this.name + " in " + this.gcLog));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The heap after the last {@code jcmd GC.run} among the GC log's lines. */
	static Optional<Heap> lastFullCollection(List<String> gcLog) {
		Heap last = null;
		for (String line : gcLog) {
			Matcher matcher = FULL_GC.matcher(line);
			if (matcher.find()) {
				last = new Heap(bytes(matcher.group(3), matcher.group(4)), bytes(matcher.group(5), matcher.group(6)));
			}
		}
		return Optional.ofNullable(last);
	}

	private static long bytes(String number, String unit) {
		long value = Long.parseLong(number);
		return switch (unit) {
			case "K" -> value << 10;
			case "M" -> value << 20;
			default -> value << 30;
		};
	}

	/** A tool of the JDK this benchmark runs on. */
	private static String java(String tool) {
		return Path.of(System.getProperty("java.home"), "bin", tool).toString();
	}

	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}

	/**
	 * A heap right after a full collection.
	 *
	 * @param used what the collection left: the live objects
	 * @param committed the heap's size then
	 */
	record Heap(long used, long committed) {
	}

}
