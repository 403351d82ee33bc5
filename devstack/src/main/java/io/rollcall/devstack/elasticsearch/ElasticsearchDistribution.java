package io.rollcall.devstack.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.rollcall.devstack.process.DevStackDirs;

/**
 * The integ-test-zip distribution, unpacked once into the devstack cache.
 * <p>
 * The zip comes from the local Maven repository (its path is filtered into
 * {@code devstack.properties} at build time), or from
 * {@code -Drollcall.devstack.elasticsearch-zip} /
 * {@code ROLLCALL_DEVSTACK_ELASTICSEARCH_ZIP}. The unpacked folder is never written to:
 * every node gets its own copy of {@code config/} (see {@link ElasticsearchNode}), so it
 * may stay owned by whoever unpacked it.
 */
final class ElasticsearchDistribution {

	static final String ZIP_PROPERTY = "rollcall.devstack.elasticsearch-zip";

	static final String ZIP_ENV = "ROLLCALL_DEVSTACK_ELASTICSEARCH_ZIP";

	private ElasticsearchDistribution() {
	}

	/** The unpacked distribution's home folder, unpacking it first if needed. */
	static Path home() {
		Properties properties = buildProperties();
		Path zip = zip(properties);
		Path home = DevStackDirs.cache().resolve("elasticsearch-" + properties.getProperty("elasticsearch.version"));
		if (!Files.isDirectory(home)) {
			unpack(zip, home);
		}
		return home;
	}

	static Path zip(Properties properties) {
		String configured = System.getProperty(ZIP_PROPERTY, System.getenv(ZIP_ENV));
		Path zip = Path.of(configured != null ? configured : properties.getProperty("elasticsearch.zip"));
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException(
					"Elasticsearch distribution not found at " + zip + ". Run './mvnw -pl devstack -am install'"
							+ " so Maven downloads it, or point -D" + ZIP_PROPERTY + " / " + ZIP_ENV + " at the zip.");
		}
		return zip;
	}

	static Properties buildProperties() {
		Properties properties = new Properties();
		try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("devstack.properties")) {
			properties.load(in);
			return properties;
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("devstack.properties is missing from the devstack jar", ex);
		}
	}

	/**
	 * Unpacks into a temporary sibling, then renames it: a crash never leaves a
	 * half-unpacked home, and of two JVMs unpacking at once, the second simply discards
	 * its copy.
	 */
	private static void unpack(Path zip, Path home) {
		Path staging = null;
		try {
			staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
			// The zip file system exposes each entry's Unix permissions, so bin/ scripts
			// stay executable.
			try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
					Map.of("enablePosixFileAttributes", "true"))) {
				Path top = zipFs.getPath("/" + home.getFileName());
				copyTree(top, staging);
			}
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// Unless another JVM won the race: its copy is as good as ours.
			if (!Files.isDirectory(home)) {
				throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, ex);
			}
		}
		finally {
			if (staging != null) {
				DevStackDirs.deleteTree(staging);
			}
		}
	}

	/** Copies a folder tree with its Unix permissions. */
	static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> entries = Files.walk(source)) {
			for (Path entry : entries.toList()) {
				Path destination = target.resolve(source.relativize(entry).toString());
				if (Files.isDirectory(entry)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(entry, destination);
				}
				PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class);
				Files.getFileAttributeView(destination, PosixFileAttributeView.class)
					.setPermissions(attributes.permissions());
			}
		}
	}

}
