package io.rollcall.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs services that refuse root (Elasticsearch) as {@code nobody:nogroup} when this JVM
 * is root, and directly otherwise.
 */
public final class Unprivileged {

	private static final String USER = "nobody";

	private static final String GROUP = "nogroup";

	private Unprivileged() {
	}

	/**
	 * The command, prefixed with {@code setpriv} (which execs, so the pid stays the same)
	 * when root.
	 */
	public static List<String> command(List<String> command) {
		if (!DevStackDirs.isRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(
				List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups"));
		wrapped.addAll(command);
		return wrapped;
	}

	/**
	 * Hands the folders (recursively) to the unprivileged user when root, so the service
	 * can write them.
	 */
	public static void own(Path... dirs) {
		if (!DevStackDirs.isRoot()) {
			return;
		}
		try {
			UserPrincipalLookupService lookup = dirs[0].getFileSystem().getUserPrincipalLookupService();
			UserPrincipal user = lookup.lookupPrincipalByName(USER);
			GroupPrincipal group = lookup.lookupPrincipalByGroupName(GROUP);
			for (Path dir : dirs) {
				try (Stream<Path> tree = Files.walk(dir)) {
					for (Path path : tree.toList()) {
						PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
						view.setOwner(user);
						view.setGroup(group);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot hand " + List.of(dirs) + " to " + USER + ":" + GROUP, ex);
		}
	}

}
