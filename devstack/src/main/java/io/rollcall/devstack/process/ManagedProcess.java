package io.rollcall.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service process that never outlives its JVM: its output goes to a log file,
 * {@link #close()} kills the whole process tree, a shutdown hook closes whatever is still
 * running, and a pid file lets the next run kill what a crashed JVM left behind (see
 * {@link PidFile}).
 */
public final class ManagedProcess implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ManagedProcess.class);

	private static final Optional<Path> SETSID = Stream.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
		.filter(Files::isExecutable)
		.findFirst();

	private static final Set<ManagedProcess> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(Thread.ofPlatform()
				.name("devstack-shutdown")
				.unstarted(() -> List.copyOf(running).forEach(ManagedProcess::close)));
	}

	private final String name;

	private final Process process;

	private final Path logFile;

	private final Path pidFile;

	private final Duration gracePeriod;

	private ManagedProcess(String name, Process process, Path logFile, Path pidFile, Duration gracePeriod) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.pidFile = pidFile;
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Kills services left behind by crashed runs, then starts the command.
	 * @param name the service name, used in messages and the pid file name
	 * @param command the command line
	 * @param environment variables added to this JVM's environment
	 * @param logFile receives stdout and stderr (appended)
	 * @param gracePeriod how long {@link #close()} waits after a polite stop before
	 * killing
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
			Duration gracePeriod) {
		killStale(DevStackDirs.run());
		ProcessBuilder builder = new ProcessBuilder(inOwnSession(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), ex);
		}
		Path pidFile = DevStackDirs.run().resolve(name + "-" + process.pid() + ".pid");
		PidFile.of(process.toHandle(), String.join(" ", command)).write(pidFile);
		ManagedProcess managed = new ManagedProcess(name, process, logFile, pidFile, gracePeriod);
		running.add(managed);
		logger.info("Started {} (pid {}), log: {}", name, process.pid(), logFile);
		return managed;
	}

	/**
	 * Runs the service in a session of its own where {@code setsid} exists
	 * ({@code setsid} execs, so the pid is kept): a terminal's Ctrl-C then reaches only
	 * the JVM that owns the service, which stops it after the applications that use it,
	 * instead of the service dying under them.
	 */
	static List<String> inOwnSession(List<String> command) {
		return SETSID.map(setsid -> Stream.concat(Stream.of(setsid.toString()), command.stream()).toList())
			.orElse(command);
	}

	/** Kills every recorded service whose owner JVM is gone, and forgets its pid file. */
	static void killStale(Path runDir) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
			for (Path file : files) {
				PidFile.read(file).ifPresentOrElse(record -> {
					record.stale().ifPresent(stale -> {
						logger.warn("Killing {} (pid {}) left behind by a crashed run: {}", file.getFileName(),
								stale.pid(), record.command());
						killTree(stale, Duration.ofSeconds(10));
					});
					if (!record.ownerAlive()) {
						deleteQuietly(file);
					}
				}, () -> deleteQuietly(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + runDir, ex);
		}
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path logFile() {
		return this.logFile;
	}

	/**
	 * The exit code of a process that has ended, e.g. 143 for a JVM that ran its shutdown
	 * hooks after {@link #close()}'s SIGTERM, 137 for one it had to kill.
	 * @throws IllegalThreadStateException while it runs
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Waits for the process to exit, at most the given time; services poll their
	 * readiness in between, so a crashed service fails fast instead of timing out.
	 * @return whether the process has exited
	 */
	public boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/** The last lines of the log, for error messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + this.logFile + ": " + ex.getMessage() + ")";
		}
	}

	/** Stops the process and all its descendants; idempotent. */
	@Override
	public synchronized void close() {
		if (running.remove(this) || this.process.isAlive()) {
			killTree(this.process.toHandle(), this.gracePeriod);
			logger.info("Stopped {} (pid {})", this.name, this.process.pid());
		}
		deleteQuietly(this.pidFile);
	}

	/**
	 * Kills the process and all its descendants at once ({@code SIGKILL}), as a crash or
	 * a lost machine would: no shutdown hook, nothing flushed. For fault tests;
	 * idempotent.
	 */
	public synchronized void kill() {
		List<ProcessHandle> tree = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.toList();
		running.remove(this);
		tree.forEach(ProcessHandle::destroyForcibly);
		awaitAll(tree, Duration.ofSeconds(10));
		logger.info("Killed {} (pid {})", this.name, this.process.pid());
		deleteQuietly(this.pidFile);
	}

	/**
	 * Politely stops the process and its descendants, then kills whatever is left after
	 * the grace period. The descendants are collected first: once the parent is gone they
	 * are re-parented and unreachable.
	 */
	static void killTree(ProcessHandle root, Duration gracePeriod) {
		List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
		tree.forEach(ProcessHandle::destroy);
		if (!awaitAll(tree, gracePeriod)) {
			tree.forEach(ProcessHandle::destroyForcibly);
			awaitAll(tree, Duration.ofSeconds(10));
		}
	}

	private static boolean awaitAll(List<ProcessHandle> tree, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ProcessHandle process : tree) {
			try {
				process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Cannot wait for pid " + process.pid(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot delete {}", file, ex);
		}
	}

}
