package io.rollcall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AppProcessTests {

	@Test
	void theHeapAfterGcIsTheLastDiagnosticFullCollection() {
		List<String> log = List.of("[0.008s][info][gc] Using Serial",
				"[0.148s][info][gc] GC(0) Pause Young (Allocation Failure) 7M->7M(23M) 4.172ms",
				"[2.419s][info][gc] GC(16) Pause Full (Diagnostic Command) 103M->101M(235M) 2.077ms",
				"[3.001s][info][gc] GC(17) Pause Young (Allocation Failure) 150M->120M(235M) 3.000ms",
				"[9.500s][info][gc] GC(30) Pause Full (Diagnostic Command) 180M->96M(1G) 40.125ms");
		assertThat(AppProcess.lastFullCollection(log))
			.contains(new AppProcess.Heap(96L * 1024 * 1024, 1024L * 1024 * 1024));
		assertThat(AppProcess.lastFullCollection(log.subList(0, 2))).isEmpty();
	}

	@Test
	void theExecutableJarIsTheModulesOne(@TempDir Path root) throws IOException {
		Path target = Files.createDirectories(root.resolve("api/target"));
		Files.createFile(target.resolve("rollcall-api-0.1.0-SNAPSHOT.jar"));
		assertThatIllegalStateException().isThrownBy(() -> AppProcesses.jar(root, "api"))
			.withMessageContaining("./mvnw -pl api,indexer -am package -DskipTests");
		Path exec = Files.createFile(target.resolve("rollcall-api-0.1.0-SNAPSHOT-exec.jar"));
		assertThat(AppProcesses.jar(root, "api")).isEqualTo(exec);
		assertThatIllegalStateException().isThrownBy(() -> AppProcesses.jar(root, "indexer"));
	}

}
