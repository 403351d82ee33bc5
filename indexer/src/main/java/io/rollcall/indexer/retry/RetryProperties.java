package io.rollcall.indexer.retry;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the indexer retries transient failures (429, 5xx, timeouts, connection errors) and
 * how long it pauses in between. One policy for every call to Elasticsearch and for the
 * stream loop's pauses after a batch it could not finish. Giving up never drops data: the
 * entries stay pending in the stream and the loop applies them again after its next
 * pause.
 *
 * @param maxAttempts attempts per operation, the first one included; the stream loop
 * itself never stops retrying
 * @param initialBackoff the pause after the first failed attempt
 * @param multiplier how much each pause grows over the one before
 * @param jitter the random spread around the first pause, growing with the pause
 * ({@code jitter x pause / initial-backoff}): replicas that failed together do not retry
 * together
 * @param maxBackoff the longest pause between two attempts
 */
@Validated
@ConfigurationProperties("rollcall.indexer.retry")
public record RetryProperties(@DefaultValue("6") @Min(1) int maxAttempts,
		@DefaultValue("100ms") @DurationMin(millis = 1) Duration initialBackoff,
		@DefaultValue("2") @DecimalMin("1") double multiplier,
		@DefaultValue("50ms") @DurationMin(millis = 0) Duration jitter, @DefaultValue("5s") Duration maxBackoff) {
}
