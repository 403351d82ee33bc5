package io.rollcall.api.ingest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one write request.
 *
 * @param maxItemsPerRequest the most events or contacts one request may carry; more is
 * {@code BAD_USER_INPUT} (HTTP 400) and nothing is accepted
 * @param maxBodySize the largest request body; larger is {@code PAYLOAD_TOO_LARGE} (HTTP
 * 413)
 * @param itemsPerEntry the most items per stream entry: larger requests are split so that
 * entries, and the indexer's bulk requests built from them, stay small
 * @param visibilityTimeout how long a {@code consistency=visible} write (and every
 * removal) waits for the indexer's confirmation before answering
 * {@code VISIBILITY_TIMEOUT} (HTTP 504)
 * @param waitForReplicas how many Redis replicas must hold a write before it is
 * acknowledged (Redis {@code WAIT}, for at most half the command timeout; fewer in time
 * is {@code UNAVAILABLE}, HTTP 503, and resending is safe); 0, the default, acknowledges
 * once the primary has it, and a failover may lose what its replica had not received yet
 * (docs/OPERATIONS.md)
 */
@Validated
@ConfigurationProperties("rollcall.ingest")
record IngestProperties(@DefaultValue("5000") @Positive int maxItemsPerRequest,
		@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("1000") @Positive int itemsPerEntry,
		@DefaultValue("10s") Duration visibilityTimeout, @DefaultValue("0") @PositiveOrZero int waitForReplicas) {
}
