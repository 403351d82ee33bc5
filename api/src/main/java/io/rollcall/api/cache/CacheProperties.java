package io.rollcall.api.cache;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard result cache.
 *
 * @param enabled whether dashboard results are cached; off, every query reads
 * Elasticsearch (the benchmark runs both)
 * @param maxEntries the most results kept, least recently used evicted first; a result is
 * at most a page of 500 reps (~100 KB), so the default bounds the heap used to about a
 * gigabyte in the worst case and far less in practice
 */
@Validated
@ConfigurationProperties("rollcall.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") @Min(1) int maxEntries) {
}
