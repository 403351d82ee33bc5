package io.rollcall.indexer.changelog;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the change logs keep entries, and how they are maintained.
 *
 * @param retention entries older than this are removed; a cursor older than the oldest
 * kept entry is refused with {@code CURSOR_EXPIRED}, never answered with a gap
 * @param maxLength the most entries one tenant's log keeps, whatever their age (about 300
 * bytes of Redis memory each, see docs/ARCHITECTURE.md)
 * @param trimInterval how often retention runs over every tenant's log
 * @param dueDateSweepInterval how often programs whose due date has passed are looked
 * for, to move their non-compliant reps to OVERDUE
 * @param includeBackfill whether history loads are logged too; by default they are not: a
 * CRM follows what happens, and after a load it resynchronises from {@code repProgress}
 */
@Validated
@ConfigurationProperties("rollcall.indexer.change-log")
public record ChangeLogProperties(@DefaultValue("7d") Duration retention,
		@DefaultValue("10000000") @Min(1) long maxLength, @DefaultValue("10s") Duration trimInterval,
		@DefaultValue("1m") Duration dueDateSweepInterval, @DefaultValue("false") boolean includeBackfill) {
}
