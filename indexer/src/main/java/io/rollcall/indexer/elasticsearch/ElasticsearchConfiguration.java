package io.rollcall.indexer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.rollcall.schema.index.IndexNames;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the client from {@link ElasticsearchProperties} rather than through Boot's
 * auto-configuration: the indexer needs its own timeouts and must not pick up the api's
 * {@code spring.elasticsearch.*} settings when both run in one JVM.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	Rest5Client elasticsearchRestClient(ElasticsearchProperties properties) {
		return Rest5Client.builder(properties.url())
			.setRequestConfigCallback(
					request -> request.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
						.setResponseTimeout(Timeout.of(properties.socketTimeout())))
			.setConnectionConfigCallback(
					connection -> connection.setConnectTimeout(Timeout.of(properties.connectTimeout()))
						.setSocketTimeout(Timeout.of(properties.socketTimeout())))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
		return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
	}

	@Bean
	IndexNames indexNames(ElasticsearchProperties properties) {
		return new IndexNames(properties.indexPrefix());
	}

}
