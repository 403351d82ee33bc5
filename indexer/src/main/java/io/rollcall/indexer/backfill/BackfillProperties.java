package io.rollcall.indexer.backfill;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backfill, both sides of it (see {@code docs/BACKFILL.md}): how fast the indexer
 * consumes the backfill stream, and a load run from the command line.
 *
 * @param maxEventsPerSecond the most backfill events per second one replica applies (a
 * token bucket of one second's capacity, so short bursts up to this many events are
 * allowed); the backfill stream is read only in a cycle where the live stream had
 * nothing, and at most at this rate, so a history load never delays live writes and
 * leaves Elasticsearch headroom for the dashboards
 * @param load a load, as the load command runs it
 */
@Validated
@ConfigurationProperties("rollcall.indexer.backfill")
public record BackfillProperties(@DefaultValue("20000") @Min(1) long maxEventsPerSecond,
		@DefaultValue @Valid Load load) {

	/**
	 * A backfill load. {@code file}, {@code id} and {@code tenant} are required by the
	 * load command and unused otherwise.
	 *
	 * @param file the NDJSON file of events to load, one event per line
	 * @param id names the load: its progress hash and its resume point; run the same id
	 * again to resume
	 * @param tenant the tenant the events belong to (a file holds one tenant's history)
	 * @param chunkSize valid events per backfill stream entry; the unit of progress and
	 * of resumption
	 * @param queueLimit the loader waits while the backfill stream holds this many
	 * entries not yet applied, so that a file of millions of events never sits in Redis
	 * memory at once
	 * @param queueWait how long the loader waits for room before it gives up (resumable),
	 * e.g. when no indexer is running
	 * @param maxListedErrors invalid lines kept in the load's error list; all are counted
	 * and logged
	 */
	public record Load(Path file, String id, String tenant, @DefaultValue("1000") @Min(1) int chunkSize,
			@DefaultValue("100") @Min(1) int queueLimit, @DefaultValue("10m") Duration queueWait,
			@DefaultValue("1000") @Min(0) int maxListedErrors) {
	}

}
