package io.rollcall.devstack.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What devstack records about a running service so the next run can kill it if this JVM
 * crashes.
 * <p>
 * A process is identified by pid <em>and</em> start instant: pids are reused, start
 * instants are not, and unlike the command line they survive the {@code exec} chain
 * ({@code setpriv} → shell script → {@code java}). The owner is the JVM that started the
 * service: while the owner lives, the service is not stale, even if another JVM (a
 * parallel test run) sweeps the same folder.
 *
 * @param pid the service's pid
 * @param started when the service process started
 * @param command the command line, for humans reading the file
 * @param ownerPid the pid of the JVM that started the service
 * @param ownerStarted when that JVM started
 */
record PidFile(long pid, Instant started, String command, long ownerPid, Instant ownerStarted) {

	/** Describes a process just started by this JVM. */
	static PidFile of(ProcessHandle process, String command) {
		ProcessHandle self = ProcessHandle.current();
		return new PidFile(process.pid(), startOf(process), command, self.pid(), startOf(self));
	}

	/**
	 * Whether the live process is the one recorded, not a later process that reuses the
	 * pid.
	 */
	boolean identifies(ProcessHandle process) {
		return process.pid() == this.pid && startedAt(process, this.started);
	}

	/** Whether the JVM that started the service still runs. */
	boolean ownerAlive() {
		return ProcessHandle.of(this.ownerPid).filter(owner -> startedAt(owner, this.ownerStarted)).isPresent();
	}

	/** The recorded service, if it is still running and its owner is gone. */
	Optional<ProcessHandle> stale() {
		return ownerAlive() ? Optional.empty() : ProcessHandle.of(this.pid).filter(this::identifies);
	}

	void write(Path file) {
		Properties properties = new Properties();
		properties.setProperty("pid", Long.toString(this.pid));
		properties.setProperty("started", this.started.toString());
		properties.setProperty("command", this.command);
		properties.setProperty("owner-pid", Long.toString(this.ownerPid));
		properties.setProperty("owner-started", this.ownerStarted.toString());
		try (Writer writer = Files.newBufferedWriter(file)) {
			properties.store(writer, "Written by rollcall devstack; deleted when the service stops");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	/** Reads a pid file; empty when it is unreadable (half-written by a crash). */
	static Optional<PidFile> read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
			return Optional.of(new PidFile(Long.parseLong(properties.getProperty("pid")),
					Instant.parse(properties.getProperty("started")), properties.getProperty("command", ""),
					Long.parseLong(properties.getProperty("owner-pid")),
					Instant.parse(properties.getProperty("owner-started"))));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean startedAt(ProcessHandle process, Instant instant) {
		return process.info().startInstant().map(instant::equals).orElse(false);
	}

	private static Instant startOf(ProcessHandle process) {
		return process.info()
			.startInstant()
			.orElseThrow(
					() -> new IllegalStateException("The OS does not report when pid " + process.pid() + " started"));
	}

}
