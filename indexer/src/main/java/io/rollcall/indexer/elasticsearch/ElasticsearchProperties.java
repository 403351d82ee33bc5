package io.rollcall.indexer.elasticsearch;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Elasticsearch is and what the indexer's indices are called (keys shared with the
 * api).
 *
 * @param url the Elasticsearch HTTP endpoint
 * @param indexPrefix the prefix of the events, contacts and progress indices and their
 * templates
 * @param connectTimeout how long to wait for a TCP connection before the attempt counts
 * as failed (and is retried)
 * @param socketTimeout how long a request may take; generous because a 5,000-document
 * bulk can take seconds under load
 */
@Validated
@ConfigurationProperties("rollcall.elasticsearch")
public record ElasticsearchProperties(@DefaultValue("http://127.0.0.1:9200") URI url,
		@DefaultValue("rollcall") @NotBlank String indexPrefix, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("30s") Duration socketTimeout) {
}
