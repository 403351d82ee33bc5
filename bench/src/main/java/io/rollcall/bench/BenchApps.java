package io.rollcall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The indexer and the three api instances of a benchmark run, wherever they run: in the
 * benchmark's JVM ({@link InJvmApps}, the default, as the local stack runs them) or each
 * in a process of its own from its executable jar ({@link AppProcesses}, as they run in
 * production; the memory rows of scenario g need that).
 */
interface BenchApps {

	/** The api with its defaults (result cache on). */
	URI api();

	/** The api with {@code rollcall.cache.enabled=false}. */
	URI uncachedApi();

	/** The api that limits tenant {@code demo} (the noisy-neighbour phase). */
	URI limitedApi();

	/**
	 * Elasticsearch's {@code timeout} the uncached api sets on each search, as it sends
	 * it (e.g. {@code 5000ms}).
	 */
	String searchTimeout();

	/**
	 * The indexer's meter registry, when the indexer runs in this JVM (the freshness
	 * phase reads its lag timer there).
	 */
	Optional<MeterRegistry> indexerMeters();

	/**
	 * The count of the cached api's counter {@code name} with {@code tag=value}, summed
	 * over its other tags: 0 when the counter exists without that tag value, empty when
	 * the api has no such counter at all.
	 */
	OptionalDouble apiCount(String name, String tag, String value);

	/**
	 * The cached api and the indexer as processes of their own, for their memory; empty
	 * when they share this JVM.
	 */
	List<AppProcess> processes();

}
