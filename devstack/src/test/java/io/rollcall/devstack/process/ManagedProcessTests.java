package io.rollcall.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ManagedProcessTests {

	@TempDir
	Path runDir;

	private Process orphan;

	@AfterEach
	void killOrphan() {
		if (this.orphan != null) {
			this.orphan.destroyForcibly();
		}
	}

	@Test
	void identifiesOnlyTheProcessThatStartedAtTheRecordedInstant() {
		ProcessHandle self = ProcessHandle.current();
		Instant started = self.info().startInstant().orElseThrow();
		assertThat(record(self.pid(), started, Instant.EPOCH).identifies(self)).isTrue();
		assertThat(record(self.pid(), started.minusSeconds(1), Instant.EPOCH).identifies(self)).isFalse();
	}

	@Test
	void killsAServiceLeftBehindByADeadOwner() throws IOException {
		this.orphan = new ProcessBuilder("sleep", "600").start();
		Path pidFile = writeRecord(this.orphan.toHandle().info().startInstant().orElseThrow(), Instant.EPOCH);

		ManagedProcess.killStale(this.runDir);

		await().atMost(Duration.ofSeconds(20)).until(() -> !this.orphan.isAlive());
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void neverKillsAProcessThatReusesTheRecordedPid() throws IOException {
		this.orphan = new ProcessBuilder("sleep", "600").start();
		Instant started = this.orphan.toHandle().info().startInstant().orElseThrow();
		Path pidFile = writeRecord(started.minusSeconds(60), Instant.EPOCH);

		ManagedProcess.killStale(this.runDir);

		assertThat(this.orphan.isAlive()).isTrue();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void leavesTheServicesOfALiveOwnerAlone() throws IOException {
		this.orphan = new ProcessBuilder("sleep", "600").start();
		Path pidFile = writeRecord(this.orphan.toHandle().info().startInstant().orElseThrow(),
				ProcessHandle.current().info().startInstant().orElseThrow());

		ManagedProcess.killStale(this.runDir);

		assertThat(this.orphan.isAlive()).isTrue();
		assertThat(pidFile).exists();
	}

	@Test
	void closeKillsTheWholeProcessTree() throws IOException {
		Path log = this.runDir.resolve("tree.log");
		ManagedProcess process = ManagedProcess.start("tree", List.of("sh", "-c", "sleep 600 & wait"), Map.of(), log,
				Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ProcessHandle.of(process.pid()).orElseThrow().descendants().findAny().isPresent());
		ProcessHandle child = ProcessHandle.of(process.pid()).orElseThrow().descendants().findFirst().orElseThrow();

		process.close();

		assertThat(process.isAlive()).isFalse();
		assertThat(child.isAlive()).isFalse();
		assertThat(Files.exists(log)).isTrue();
	}

	@Test
	void aServiceRunsInAProcessGroupOfItsOwnSoATerminalCtrlCSparesIt() throws IOException {
		ManagedProcess process = ManagedProcess.start("group", List.of("sleep", "600"), Map.of(),
				this.runDir.resolve("group.log"), Duration.ofSeconds(5));
		try {
			// setsid runs just after the fork: wait for it rather than read the group too
			// early.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(processGroupOf(process.pid())).isEqualTo(process.pid())
					.isNotEqualTo(processGroupOf(ProcessHandle.current().pid())));
		}
		finally {
			process.close();
		}
	}

	/** The fifth field of /proc/PID/stat, after the parenthesised command name. */
	private static long processGroupOf(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
	}

	private PidFile record(long pid, Instant started, Instant ownerStarted) {
		return new PidFile(pid, started, "sleep 600", ProcessHandle.current().pid(), ownerStarted);
	}

	private Path writeRecord(Instant started, Instant ownerStarted) {
		Path file = this.runDir.resolve("sleep-" + this.orphan.pid() + ".pid");
		record(this.orphan.pid(), started, ownerStarted).write(file);
		return file;
	}

}
