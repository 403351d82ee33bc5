package io.rollcall.devstack.redis;

import java.nio.file.Path;

/**
 * How to run a local redis-server.
 *
 * @param appendOnlyDir where to keep an append-only file so data survives a restart;
 * {@code null} for a purely in-memory server (tests)
 */
public record RedisOptions(Path appendOnlyDir) {

	/** In memory only: no RDB snapshots, no AOF. */
	public static RedisOptions inMemory() {
		return new RedisOptions(null);
	}

	/** Persists every write to an append-only file in {@code dir}. */
	public static RedisOptions appendOnly(Path dir) {
		return new RedisOptions(dir);
	}

}
