package io.rollcall.devstack.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.rollcall.devstack.process.DevStackDirs;

/**
 * Finds a redis-server: the one on {@code PATH} when it is 6.2 or newer, else the binary
 * that the {@code com.github.codemonstur:embedded-redis} jar ships (6.2.x), extracted
 * into the devstack cache.
 */
final class RedisBinary {

	private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)");

	private RedisBinary() {
	}

	static Path find() {
		return onPath().orElseGet(RedisBinary::extract);
	}

	private static Optional<Path> onPath() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst()
			.filter(RedisBinary::recentEnough);
	}

	/**
	 * Whether {@code redis-server --version} (e.g. "Redis server v=7.2.4 sha=...")
	 * reports 6.2 or newer.
	 */
	static boolean recentEnough(Path binary) {
		try {
			Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			return isAtLeast62(output);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean isAtLeast62(String versionOutput) {
		Matcher matcher = VERSION.matcher(versionOutput);
		if (!matcher.find()) {
			return false;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		return major > 6 || (major == 6 && minor >= 2);
	}

	private static Path extract() {
		String resource = resourceName();
		Path binary = DevStackDirs.directory(DevStackDirs.cache().resolve("redis")).resolve(resource);
		if (Files.isExecutable(binary)) {
			return binary;
		}
		try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No redis-server 6.2+ on PATH and " + resource
						+ " is not on the classpath (com.github.codemonstur:embedded-redis)");
			}
			// Written aside and renamed, so a concurrent JVM never executes a
			// half-written binary.
			Path staging = Files.createTempFile(binary.getParent(), resource, ".part");
			Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.move(staging, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return binary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract " + resource + " to " + binary, ex);
		}
	}

	private static String resourceName() {
		String os = System.getProperty("os.name").toLowerCase();
		boolean arm = System.getProperty("os.arch").matches("aarch64|arm64");
		if (os.contains("linux")) {
			return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
		}
		if (os.contains("mac")) {
			return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
		}
		throw new IllegalStateException("No bundled redis-server for " + os + "; put redis-server 6.2+ on PATH");
	}

}
