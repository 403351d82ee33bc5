package io.rollcall.api.search;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Elasticsearch cluster the dashboards read.
 *
 * @param url the cluster's HTTP address
 * @param indexPrefix the prefix of Rollcall's indices (see {@code IndexNames}); tests use
 * one per run
 * @param connectTimeout how long to wait for a TCP connection before answering
 * {@code UNAVAILABLE}
 * @param socketTimeout how long to wait for a response (and between packets) before
 * answering {@code UNAVAILABLE}; bounds the time a dashboard request can hang on a sick
 * cluster
 * @param retryAfter the {@code retryAfterMs} hint given to clients when the cluster is
 * unavailable
 * @param maxLessons the most lessons of one program a summary reports (terms aggregation
 * size)
 */
@Validated
@ConfigurationProperties("rollcall.elasticsearch")
record SearchProperties(@DefaultValue("http://127.0.0.1:9200") URI url,
		@DefaultValue("rollcall") @NotBlank String indexPrefix, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5s") Duration socketTimeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("1000") int maxLessons) {
}
