package io.rollcall.indexer;

import io.rollcall.indexer.backfill.BackfillCommand;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The indexer application. Its only HTTP surface is actuator (health, metrics); all its
 * work is the stream consumer started as a
 * {@link org.springframework.context.SmartLifecycle}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexerApplication {

	/**
	 * The builder used by {@link #main}, the stack launcher and tests. It names the
	 * config file {@code rollcall-indexer.yml} (so the api and the indexer can share one
	 * JVM without reading each other's configuration) and binds to 127.0.0.1:8081. These
	 * are default properties: anything passed to {@code properties(...)} afterwards,
	 * environment variables and command line arguments override them (tests pass
	 * {@code server.port=0}).
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(IndexerApplication.class).properties(
				Map.of("spring.config.name", "rollcall-indexer", "server.address", "127.0.0.1", "server.port", "8081"));
	}

	/**
	 * Runs the indexer, or, with {@code --rollcall.indexer.backfill.load.file=...}, a
	 * backfill load that then exits.
	 */
	public static void main(String[] args) {
		if (BackfillCommand.isRequested(args)) {
			System.exit(BackfillCommand.run(args));
		}
		builder().run(args);
	}

}
