package io.rollcall.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.IndexTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@DevStackTest
class IndexBootstrapIntegrationTests {

	@Test
	void replicasStartingTogetherBothSucceedAndLeaveTheTemplatesAndIndicesInPlace(DevStack stack) throws Exception {
		IndexNames names = new IndexNames(stack.indexPrefix());
		try (Rest5Client rest = Rest5Client.builder(URI.create(stack.elasticsearchUrl())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
			List<CompletableFuture<Void>> replicas = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				replicas.add(CompletableFuture.runAsync(() -> new IndexBootstrap(client, names).apply()));
			}
			CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();
			new IndexBootstrap(client, names).apply();

			for (IndexTemplate template : IndexTemplate.all()) {
				assertThat(client.indices()
					.existsIndexTemplate(exists -> exists.name(template.templateName(names)))
					.value()).isTrue();
				assertThat(client.indices()
					.get(get -> get.index(template.indexName(names)))
					.get(template.indexName(names))
					.mappings()
					.routing()
					.required()).isTrue();
			}
		}
	}

}
