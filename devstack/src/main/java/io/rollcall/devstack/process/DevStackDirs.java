package io.rollcall.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

/**
 * Where devstack keeps unpacked distributions, pid files, logs and throw-away node
 * folders.
 * <p>
 * As root everything lives under {@code /var/tmp/rollcall-devstack}: Elasticsearch then
 * runs as {@code nobody}, which must be able to reach its folders, and {@code /root} is
 * private. Otherwise the user cache ({@code $XDG_CACHE_HOME/rollcall}, else
 * {@code ~/.cache/rollcall}) is used.
 */
public final class DevStackDirs {

	private static final Path ROOT_BASE = Path.of("/var/tmp/rollcall-devstack");

	private DevStackDirs() {
	}

	/**
	 * Whether this JVM runs as uid 0, so services that refuse root must drop privileges.
	 */
	public static boolean isRoot() {
		return System.getProperty("os.name").toLowerCase().contains("linux") && new UnixSystem().getUid() == 0;
	}

	/** The base folder: see the class comment. */
	public static Path base() {
		if (isRoot()) {
			return ROOT_BASE;
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path cache = (xdg != null && !xdg.isBlank()) ? Path.of(xdg)
				: Path.of(System.getProperty("user.home"), ".cache");
		return cache.resolve("rollcall");
	}

	/** Unpacked distributions and extracted binaries, shared by every run. */
	public static Path cache() {
		return directory(base().resolve("cache"));
	}

	/** Pid files of running services, see {@link ManagedProcess}. */
	public static Path run() {
		return directory(base().resolve("run"));
	}

	/** Logs of services that have no folder of their own. */
	public static Path logs() {
		return directory(base().resolve("logs"));
	}

	/**
	 * Parent of throw-away folders (test node data); reachable by {@code nobody} when
	 * root.
	 */
	public static Path temp() {
		return isRoot() ? directory(ROOT_BASE.resolve("tmp")) : Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** Deletes a folder tree, if it exists. */
	public static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(dir)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + dir, ex);
		}
	}

	/**
	 * Creates the folder and its missing parents as {@code rwxr-xr-x}, whatever the
	 * umask, so others can traverse them.
	 */
	public static Path directory(Path dir) {
		try {
			Path absolute = dir.toAbsolutePath();
			Files.createDirectories(absolute);
			if (isRoot()) {
				for (Path p = absolute; p.startsWith(ROOT_BASE); p = p.getParent()) {
					Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
			return absolute;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + dir, ex);
		}
	}

}
