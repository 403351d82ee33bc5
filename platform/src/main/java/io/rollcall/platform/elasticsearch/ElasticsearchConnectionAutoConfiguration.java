package io.rollcall.platform.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.rollcall.schema.index.IndexNames;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Hands {@code rollcall.elasticsearch.*} to Spring Boot's Elasticsearch client
 * auto-configuration, which then builds the {@code Rest5Client}, the transport with its
 * Jackson mapper, the {@code ElasticsearchClient} and the {@code elasticsearch} health
 * indicator. Runs before it, so Boot's own {@code spring.elasticsearch.*} details back
 * off.
 */
@AutoConfiguration(before = ElasticsearchRestClientAutoConfiguration.class)
@EnableConfigurationProperties(ElasticsearchConnectionProperties.class)
public class ElasticsearchConnectionAutoConfiguration {

	@Bean
	ElasticsearchConnectionDetails rollcallElasticsearchConnectionDetails(
			ElasticsearchConnectionProperties properties) {
		return new PropertiesConnectionDetails(properties);
	}

	/**
	 * Rollcall's timeouts, applied after Boot's default customizer (which would set its
	 * own from {@code spring.elasticsearch.*}). Apache HttpClient's defaults would let a
	 * request wait minutes on an unresponsive cluster.
	 */
	@Bean
	Rest5ClientBuilderCustomizer rollcallElasticsearchTimeouts(ElasticsearchConnectionProperties properties) {
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout socket = Timeout.of(properties.socketTimeout());
		return new Rest5ClientBuilderCustomizer() {

			@Override
			public void customize(Rest5ClientBuilder builder) {
			}

			@Override
			public void customize(ConnectionConfig.Builder connection) {
				connection.setConnectTimeout(connect).setSocketTimeout(socket);
			}

			@Override
			public void customize(RequestConfig.Builder request) {
				request.setConnectionRequestTimeout(connect).setResponseTimeout(socket);
			}

		};
	}

	@Bean
	IndexNames indexNames(ElasticsearchConnectionProperties properties) {
		return new IndexNames(properties.indexPrefix());
	}

}
