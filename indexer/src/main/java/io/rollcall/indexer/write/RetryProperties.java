package io.rollcall.indexer.write;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the indexer retries transient Elasticsearch failures (429, 5xx, timeouts,
 * connection errors) before it gives up on a batch for now. Giving up never drops data:
 * the entries stay pending in the stream and are claimed again after
 * {@code rollcall.indexer.claim-idle}.
 *
 * @param maxAttempts attempts per operation, the first one included
 * @param initialBackoff the pause after the first failed attempt; it doubles with every
 * attempt
 * @param maxBackoff the longest pause between two attempts
 */
@Validated
@ConfigurationProperties("rollcall.indexer.retry")
public record RetryProperties(@DefaultValue("6") @Min(1) int maxAttempts,
		@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("5s") Duration maxBackoff) {
}
