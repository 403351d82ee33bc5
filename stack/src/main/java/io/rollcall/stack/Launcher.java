package io.rollcall.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts services and Rollcall applications in this JVM and stops them all, in reverse
 * start order, on {@link #close()}. Shared by the local run command and the benchmark so
 * both host the indexer and the api the same way.
 */
public final class Launcher implements AutoCloseable {

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	/** Keeps {@code service} to be closed by {@link #close()}. */
	public <T extends AutoCloseable> T keep(T service) {
		synchronized (this.started) {
			this.started.push(service);
		}
		return service;
	}

	/**
	 * Runs an application with {@code properties} as {@code --key=value} command-line
	 * arguments: they outrank every config file, unlike the builder's default properties.
	 * The application is closed by {@link #close()}.
	 */
	public ConfigurableApplicationContext run(SpringApplicationBuilder application, Map<String, String> properties) {
		String[] args = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return keep(application.run(args));
	}

	/** The HTTP port a running application bound, e.g. after {@code server.port=0}. */
	public static int port(ConfigurableApplicationContext application) {
		return Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
	}

	/**
	 * Stops everything started, newest first; a failure to stop one does not stop the
	 * rest.
	 */
	@Override
	public void close() {
		while (true) {
			AutoCloseable service;
			synchronized (this.started) {
				if (this.started.isEmpty()) {
					return;
				}
				service = this.started.pop();
			}
			try {
				service.close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + service + ": " + ex);
			}
		}
	}

}
