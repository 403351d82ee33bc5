package io.rollcall.platform.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.rollcall.platform.TestCertificates;
import io.rollcall.schema.index.IndexNames;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ElasticsearchConnectionTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ElasticsearchConnectionAutoConfiguration.class,
				ElasticsearchRestClientAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class));

	@Test
	void bootBuildsTheClientFromRollcallsKeysAndIgnoresItsOwn() {
		context
			.withPropertyValues("rollcall.elasticsearch.url=https://es-1.example:9243/proxy,https://es-2.example",
					"rollcall.elasticsearch.api-key=c2VjcmV0", "spring.elasticsearch.uris=http://ignored:9200")
			.run(app -> {
				ElasticsearchConnectionDetails details = app.getBean(ElasticsearchConnectionDetails.class);
				assertThat(details.getNodes()).containsExactly(new Node("es-1.example", 9243, Node.Protocol.HTTPS),
						new Node("es-2.example", 443, Node.Protocol.HTTPS));
				assertThat(details.getPathPrefix()).isEqualTo("/proxy");
				assertThat(details.getApiKey()).isEqualTo("c2VjcmV0");
				assertThat(details.getUsername()).isNull();
				assertThat(details.getSslBundle()).isNull();
				assertThat(app.getBean(Rest5Client.class).getNodes()).extracting(node -> node.getHost().toURI())
					.containsExactly("https://es-1.example:9243", "https://es-2.example:443");
				assertThat(app).hasSingleBean(ElasticsearchClient.class);
			});
	}

	@Test
	void theDefaultsReachALocalNodeUnderRollcallsPrefix() {
		context.run(app -> {
			assertThat(app.getBean(ElasticsearchConnectionDetails.class).getNodes())
				.containsExactly(new Node("127.0.0.1", 9200, Node.Protocol.HTTP));
			assertThat(app.getBean(IndexNames.class)).isEqualTo(new IndexNames("rollcall"));
		});
	}

	@Test
	void aCaCertificateBecomesTheOnlyTrustedAuthority(@TempDir Path dir) throws Exception {
		Path ca = TestCertificates.selfSigned(dir, "rollcall-test-ca");
		context
			.withPropertyValues("rollcall.elasticsearch.url=https://es.example:9200",
					"rollcall.elasticsearch.ca-certificate=file:" + ca)
			.run(app -> {
				KeyStore trusted = app.getBean(ElasticsearchConnectionDetails.class)
					.getSslBundle()
					.getStores()
					.getTrustStore();
				assertThat(Collections.list(trusted.aliases())).hasSize(1);
				assertThat(trusted.getCertificate(trusted.aliases().nextElement()).toString())
					.contains("CN=rollcall-test-ca");
			});
	}

	@Test
	void anApiKeyAndAUserTogetherAreRefusedAtStartUp() {
		context
			.withPropertyValues("rollcall.elasticsearch.api-key=c2VjcmV0", "rollcall.elasticsearch.username=elastic",
					"rollcall.elasticsearch.password=changeme")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("set either api-key or username/password, not both"));
	}

	@Test
	void anAddressThatIsNotHttpIsRefusedAtStartUp() {
		context.withPropertyValues("rollcall.elasticsearch.url=es.example:9200")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("each url must be http:// or https:// with a host"));
	}

	@Test
	void secretsStayOutOfToString() {
		context
			.withPropertyValues("rollcall.elasticsearch.username=elastic",
					"rollcall.elasticsearch.password=hunter2-password")
			.run(app -> assertThat(app.getBean(ElasticsearchConnectionProperties.class).toString())
				.contains("username=elastic")
				.doesNotContain("hunter2-password"));
	}

}
