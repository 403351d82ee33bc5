package io.rollcall.api.isolation;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tenants are kept from slowing each other down on one api instance.
 *
 * @param maxConcurrentSearches the most Elasticsearch searches one tenant runs at once on
 * one api instance; the rest wait in arrival order (2 cores saturate at about 19
 * dashboard queries/s, so 4 concurrent searches of one tenant already take its fair
 * share)
 * @param queueTimeout how long a search may wait for its tenant's turn before the request
 * is refused with {@code OVERLOADED}
 * @param retryAfter the {@code retryAfterMs} hint of {@code OVERLOADED} and
 * {@code DEADLINE_EXCEEDED}
 * @param requestTimeout the deadline of a GraphQL request; past it the client gets
 * {@code DEADLINE_EXCEEDED} (HTTP 200, GraphQL error) while its searches are abandoned
 * @param searchTimeout Elasticsearch's {@code timeout} of each search: shards stop
 * collecting after it and return what they have, so one costly aggregation cannot occupy
 * the search threads for long (the response's {@code timed_out} flag is not surfaced to
 * clients yet)
 */
@Validated
@ConfigurationProperties("rollcall.isolation")
record IsolationProperties(@DefaultValue("4") @Positive int maxConcurrentSearches,
		@DefaultValue("2s") Duration queueTimeout, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("15s") Duration requestTimeout, @DefaultValue("5s") Duration searchTimeout) {
}
