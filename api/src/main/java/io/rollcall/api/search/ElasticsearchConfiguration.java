package io.rollcall.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch client, built from {@link SearchProperties} rather than Boot's
 * auto-configuration so that its timeouts are ours: Apache HttpClient's defaults would
 * let a request hang for minutes on an unresponsive cluster. Both beans are exposed so
 * that any auto-configuration on the classpath backs off.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	Rest5Client elasticsearchRestClient(SearchProperties properties) {
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout socket = Timeout.of(properties.socketTimeout());
		return Rest5Client.builder(properties.url())
			.setConnectionConfigCallback(connection -> connection.setConnectTimeout(connect).setSocketTimeout(socket))
			.setRequestConfigCallback(
					request -> request.setConnectionRequestTimeout(connect).setResponseTimeout(socket))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
		return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
	}

}
