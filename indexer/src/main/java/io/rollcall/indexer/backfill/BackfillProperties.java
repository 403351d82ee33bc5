package io.rollcall.indexer.backfill;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the indexer consumes the backfill stream. It is read only in a cycle where the live
 * stream had nothing, and at most at this rate, so a history load never delays live
 * writes and leaves Elasticsearch headroom for the dashboards.
 *
 * @param maxEventsPerSecond the most backfill events per second one replica applies (a
 * token bucket of one second's capacity, so short bursts up to this many events are
 * allowed)
 */
@Validated
@ConfigurationProperties("rollcall.indexer.backfill")
public record BackfillProperties(@DefaultValue("20000") @Min(1) long maxEventsPerSecond) {
}
