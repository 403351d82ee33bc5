package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The README's Java example is the code the build compiles and tests ({@link CrmSync}),
 * not a copy that could drift.
 */
class ReadmeSnippetsTests {

	@Test
	void theCrmExampleIsCrmSyncVerbatim() throws IOException {
		String source = Files.readString(Path.of("src/test/java/io/rollcall/api/CrmSync.java"));
		String example = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
				source.indexOf("// README:end"));

		assertThat(Files.readString(Path.of("..", "README.md"))).contains("```java\n" + example + "```");
	}

}
