package io.rollcall.indexer.backfill;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A backfill load, as run from the command line (see {@code docs/BACKFILL.md}).
 * {@code file}, {@code id} and {@code tenant} are required by the load command and unused
 * otherwise.
 *
 * @param file the NDJSON file of events to load, one event per line
 * @param id names the load: its progress hash and its resume point; run the same id again
 * to resume
 * @param tenant the tenant the events belong to (a file holds one tenant's history)
 * @param chunkSize valid events per backfill stream entry; the unit of progress and of
 * resumption
 * @param queueLimit the loader waits while the backfill stream holds this many entries
 * not yet applied, so that a file of millions of events never sits in Redis memory at
 * once
 * @param queueWait how long the loader waits for room before it gives up (resumable),
 * e.g. when no indexer is running
 * @param maxListedErrors invalid lines kept in the load's error list; all are counted and
 * logged
 */
@Validated
@ConfigurationProperties("rollcall.backfill")
public record BackfillLoadProperties(Path file, String id, String tenant, @DefaultValue("1000") @Min(1) int chunkSize,
		@DefaultValue("100") @Min(1) int queueLimit, @DefaultValue("10m") Duration queueWait,
		@DefaultValue("1000") @Min(0) int maxListedErrors) {
}
