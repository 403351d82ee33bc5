package io.rollcall.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
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

	private static final IndexProperties DEFAULT_SHAPE = new IndexProperties(1, 0);

	@Test
	void replicasStartingTogetherBothSucceedAndLeaveTheTemplatesAndIndicesInPlace(DevStack stack) throws Exception {
		IndexNames names = new IndexNames(stack.indexPrefix());
		try (Rest5Client rest = Rest5Client.builder(URI.create(stack.elasticsearchUrl())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
			List<CompletableFuture<Void>> replicas = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				replicas
					.add(CompletableFuture.runAsync(() -> new IndexBootstrap(client, names, DEFAULT_SHAPE).apply()));
			}
			CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();
			new IndexBootstrap(client, names, DEFAULT_SHAPE).apply();

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

	@Test
	void newIndicesTakeTheConfiguredShapeAndExistingOnesTheConfiguredReplicas(DevStack stack) throws Exception {
		IndexNames names = new IndexNames(stack.indexPrefix() + "-shape");
		try (Rest5Client rest = Rest5Client.builder(URI.create(stack.elasticsearchUrl())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
			try {
				new IndexBootstrap(client, names, new IndexProperties(2, 0)).apply();
				assertThat(shape(client, IndexTemplate.EVENTS.indexName(names))).containsExactly("2", "0");

				// One node cannot hold the replicas (the cluster turns yellow): only the
				// setting is checked, and the indices are deleted right after.
				new IndexBootstrap(client, names, new IndexProperties(3, 1)).apply();

				for (IndexTemplate template : IndexTemplate.all()) {
					assertThat(shape(client, template.indexName(names))).as(template.name()).containsExactly("2", "1");
				}
				assertThat(client.indices()
					.getIndexTemplate(get -> get.name(IndexTemplate.EVENTS.templateName(names)))
					.indexTemplates()
					.getFirst()
					.indexTemplate()
					.template()
					.settings()
					.index()
					.numberOfShards()).as("indices created from now on").isEqualTo("3");
			}
			finally {
				client.indices().delete(delete -> delete.index(names.prefix() + "-*"));
				client.indices().deleteIndexTemplate(delete -> delete.name(names.prefix() + "-*"));
			}
		}
	}

	private static List<String> shape(ElasticsearchClient client, String index) throws Exception {
		IndexSettings settings = client.indices().getSettings(get -> get.index(index)).get(index).settings().index();
		return List.of(settings.numberOfShards(), settings.numberOfReplicas());
	}

}
