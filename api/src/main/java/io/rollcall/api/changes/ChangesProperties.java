package io.rollcall.api.changes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the api reads tenants' change logs.
 *
 * @param readBatch log entries one read takes (the live reader, a replay page, a step of
 * a query page); 1,000 entries are a few hundred kilobytes and one Redis round trip
 * @param pollInterval how often each tenant's reader reads its log without a wake-up: the
 * indexer's change notice wakes it at once, this bounds the delay when a notice is lost
 * (Redis pub/sub delivers at most once)
 * @param subscriberBuffer changes one subscriber may fall behind its tenant's log before
 * it is ended with {@code SLOW_CONSUMER} (it resumes from its last cursor); memory is
 * taken only while it lags, and the entries are shared with the other subscribers
 * @param maxScan log entries one page of the {@code changes} query reads at most,
 * whatever its filters keep: a filtered page costs a bounded amount and says where it
 * stopped
 */
@Validated
@ConfigurationProperties("rollcall.changes")
record ChangesProperties(@DefaultValue("1000") @Min(1) @Max(10_000) int readBatch,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("10000") @Min(1) int subscriberBuffer,
		@DefaultValue("10000") @Min(1) int maxScan) {
}
