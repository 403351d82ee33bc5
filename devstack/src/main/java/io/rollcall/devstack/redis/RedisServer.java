package io.rollcall.devstack.redis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rollcall.devstack.process.DevStackDirs;
import io.rollcall.devstack.process.FreePort;
import io.rollcall.devstack.process.ManagedProcess;

/**
 * A redis-server on 127.0.0.1. The port is chosen once, so {@link #stop()} then
 * {@link #start()} brings it back on the same URL (empty, unless it runs with an
 * append-only file).
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final RedisOptions options;

	private final Path binary;

	private final int port;

	private ManagedProcess process;

	private RedisServer(RedisOptions options, Path binary) {
		this.options = options;
		this.binary = binary;
		this.port = FreePort.find();
	}

	/** Starts a server and waits until it answers PING. */
	public static RedisServer start(RedisOptions options) {
		RedisServer server = new RedisServer(options, RedisBinary.find());
		server.start();
		return server;
	}

	/**
	 * Starts the server again after {@link #stop()}, on the same port. No-op when
	 * running.
	 */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		List<String> command = new ArrayList<>(List.of(this.binary.toString(), "--bind", "127.0.0.1", "--port",
				Integer.toString(this.port), "--save", ""));
		if (this.options.appendOnlyDir() == null) {
			command.addAll(List.of("--appendonly", "no"));
		}
		else {
			command.addAll(List.of("--appendonly", "yes", "--dir",
					DevStackDirs.directory(this.options.appendOnlyDir()).toString()));
		}
		if (this.options.clusterDir() != null) {
			// A lost master is declared failed, and its replica promoted, after
			// node-timeout: 2 s instead of 15, so fault tests do not wait.
			command.addAll(List.of("--cluster-enabled", "yes", "--dir",
					DevStackDirs.directory(this.options.clusterDir()).toString(), "--cluster-config-file",
					"nodes-" + this.port + ".conf", "--cluster-node-timeout", "2000"));
		}
		this.process = ManagedProcess.start("redis", command, Map.of(),
				DevStackDirs.logs().resolve("redis-" + this.port + ".log"), Duration.ofSeconds(10));
		awaitPong();
	}

	private void awaitPong() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (!answersPing()) {
			if (this.process.awaitExit(POLL_INTERVAL) || System.nanoTime() > deadline) {
				String what = this.process.isAlive() ? "did not answer PING within " + STARTUP_TIMEOUT : "exited";
				IllegalStateException failure = new IllegalStateException("redis-server " + what + ". Log: "
						+ this.process.logFile() + "; last lines:" + System.lineSeparator() + this.process.logTail(20));
				this.process.close();
				throw failure;
			}
		}
	}

	private boolean answersPing() {
		try {
			return RedisCommand.send(url(), "PING").equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** {@code redis://127.0.0.1:<port>} */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** Stops the server; its in-memory data is gone. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.close();
		}
	}

	/**
	 * Kills the server at once ({@code SIGKILL}), as a crash would; {@link #start()}
	 * brings it back.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/** Whether the server process runs. */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public void close() {
		stop();
	}

}
