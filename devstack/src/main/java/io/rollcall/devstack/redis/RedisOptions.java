package io.rollcall.devstack.redis;

import java.nio.file.Path;

/**
 * How to run a local redis-server.
 *
 * @param appendOnlyDir where to keep an append-only file so data survives a restart;
 * {@code null} for a purely in-memory server (tests)
 * @param clusterDir for a Redis Cluster node: where it keeps its cluster configuration
 * ({@code nodes.conf}), so a restarted node rejoins its cluster; {@code null} for a
 * standalone server
 */
public record RedisOptions(Path appendOnlyDir, Path clusterDir) {

	/** In memory only: no RDB snapshots, no AOF. */
	public static RedisOptions inMemory() {
		return new RedisOptions(null, null);
	}

	/** Persists every write to an append-only file in {@code dir}. */
	public static RedisOptions appendOnly(Path dir) {
		return new RedisOptions(dir, null);
	}

	/**
	 * A Redis Cluster node, data in memory only, its cluster configuration in
	 * {@code dir}.
	 */
	public static RedisOptions clusterNode(Path dir) {
		return new RedisOptions(null, dir);
	}

}
