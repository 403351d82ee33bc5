package io.rollcall.api;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The api application. Its configuration file is {@code rollcall-api.yml}, not
 * {@code application.yml}, so the api and the indexer can share one JVM (the stack
 * launcher and end-to-end tests) without reading each other's settings.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

	/** The configuration file name (without extension) of this application. */
	public static final String CONFIG_NAME = "rollcall-api";

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The builder used by {@link #main}, the stack launcher and tests: config file
	 * {@code rollcall-api.yml}, bound to 127.0.0.1:8080. These are default properties:
	 * anything passed to {@code properties(...)} afterwards, environment variables and
	 * command-line arguments override them (tests pass {@code server.port=0}); for the
	 * same reason the yml does not repeat keys that callers set.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ApiApplication.class).properties(
				Map.of("spring.config.name", CONFIG_NAME, "server.address", "127.0.0.1", "server.port", "8080"));
	}

}
