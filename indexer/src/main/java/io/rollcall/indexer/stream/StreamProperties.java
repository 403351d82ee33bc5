package io.rollcall.indexer.stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the indexer consumes the ingest stream.
 *
 * @param consumerName this replica's consumer name in the group; empty means host name
 * plus a random suffix, so that two replicas (or a restarted one) never share a name and
 * a dead replica's pending entries are claimed by the others
 * @param consumers consumer loops per replica, each with its own consumer name
 * ({@code <consumer-name>-<n>} when more than one): two keep Elasticsearch writing one
 * batch while the other is refreshed and rolled up
 * @param batch when a batch is cut
 * @param claimIdle how long an entry may stay pending (read, not acknowledged) before
 * another replica claims it: longer than the slowest batch, short enough to bound the
 * delay a crashed replica adds; each replica looks for such entries every half of it
 * @param forgetConsumersAfter a consumer of the group with nothing pending that has not
 * read for this long belongs to a replica that is gone, and is deleted from the group
 */
@Validated
@ConfigurationProperties("rollcall.indexer")
public record StreamProperties(@DefaultValue("") String consumerName, @DefaultValue("2") @Min(1) int consumers,
		@DefaultValue @Valid Batch batch, @DefaultValue("30s") Duration claimIdle,
		@DefaultValue("1h") Duration forgetConsumersAfter) {

	/**
	 * @param maxItems a batch is cut once it holds this many items (events, contacts or
	 * removals); 5,000-document bulks are where Elasticsearch throughput levels off
	 * @param maxAge a batch is cut this long after its first entry arrived; also the
	 * longest a blocking read waits, so it bounds the latency a quiet stream adds
	 */
	public record Batch(@DefaultValue("5000") @Min(1) int maxItems, @DefaultValue("100ms") Duration maxAge) {
	}
}
