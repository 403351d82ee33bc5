package io.rollcall.api.ingest;

import jakarta.validation.constraints.Positive;
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
 */
@Validated
@ConfigurationProperties("rollcall.ingest")
record IngestProperties(@DefaultValue("5000") @Positive int maxItemsPerRequest,
		@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("1000") @Positive int itemsPerEntry,
		@DefaultValue("10s") Duration visibilityTimeout) {
}
