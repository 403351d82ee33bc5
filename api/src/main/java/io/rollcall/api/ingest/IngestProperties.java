package io.rollcall.api.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one write request, and what accepting it waits for.
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
 * @param replicaAcknowledgement whether a write also waits for Redis replicas to hold it
 * before it is answered; off by default
 */
@Validated
@ConfigurationProperties("rollcall.ingest")
record IngestProperties(@DefaultValue("5000") @Positive int maxItemsPerRequest,
		@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("1000") @Positive int itemsPerEntry,
		@DefaultValue("10s") Duration visibilityTimeout,
		@DefaultValue @Valid ReplicaAcknowledgement replicaAcknowledgement) {

	/**
	 * Redis {@code WAIT} after the {@code XADD}s of a write: the write is answered only
	 * once {@code replicas} replicas have acknowledged it, so a failover to one of them
	 * cannot lose it. When fewer acknowledge within {@code timeout} the write is answered
	 * {@code UNAVAILABLE} (HTTP 503, {@code Retry-After}): the entries are in the primary
	 * and will be applied, but their durability was not confirmed; resending is safe
	 * (events are idempotent by id), and a client that must not lose a write resends.
	 *
	 * @param replicas how many replicas must acknowledge; 0 (the default) does not wait
	 * @param timeout the longest a write waits for them (Redis' own WAIT timeout)
	 * @param connections the connections kept for waiting writes: WAIT blocks the
	 * connection it is sent on, so each waiting write has one of its own; more writes at
	 * once wait for a free one (up to the command timeout)
	 */
	record ReplicaAcknowledgement(@DefaultValue("0") @PositiveOrZero int replicas, @DefaultValue("1s") Duration timeout,
			@DefaultValue("16") @Positive int connections) {

		boolean enabled() {
			return replicas > 0;
		}

	}

}
