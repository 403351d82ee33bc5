package io.rollcall.indexer.index;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shape of the indices the indexer creates, applied to the index templates at
 * start-up.
 *
 * @param shards primary shards of each index created from now on; every tenant's
 * documents stay on one shard (routing), so more shards spread tenants over nodes, never
 * one tenant. An existing index keeps the shards it was created with (changing them takes
 * {@code _split} or a reindex, see docs/OPERATIONS.md)
 * @param replicas copies of each shard; also set on the existing indices at start-up. 0
 * suits one node (the local run); 1 or more in production, so a node loss loses nothing
 */
@Validated
@ConfigurationProperties("rollcall.index")
public record IndexProperties(@DefaultValue("1") @Positive int shards,
		@DefaultValue("0") @PositiveOrZero int replicas) {
}
