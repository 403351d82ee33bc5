package io.rollcall.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.IndexTemplate;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the index templates and creates the indices if absent, before the stream consumer
 * starts (singletons are initialised before lifecycle beans start). The templates' shards
 * and replicas are {@link IndexProperties}' (the JSON files in {@code schema} say 1 and
 * 0); existing indices get the configured replicas and keep their shards, with a warning
 * when those differ from the configured ones.
 *
 * <p>
 * Idempotent, and safe when several replicas start at once: putting an identical template
 * is a no-op, and losing the race to create an index
 * ({@code resource_already_exists_exception}) is success. If Elasticsearch is unreachable
 * the application fails to start, which is what an orchestrator should see.
 */
@Component
public class IndexBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final IndexProperties shape;

	public IndexBootstrap(ElasticsearchClient client, IndexNames names, IndexProperties shape) {
		this.client = client;
		this.names = names;
		this.shape = shape;
	}

	@Override
	public void afterSingletonsInstantiated() {
		apply();
	}

	/**
	 * Puts every template, then creates every index that does not exist yet and gives
	 * those that did the configured replicas.
	 */
	public void apply() {
		try {
			for (IndexTemplate template : IndexTemplate.all()) {
				client.indices()
					.putIndexTemplate(put -> put.name(template.templateName(names))
						.withJson(new StringReader(shaped(template.body(names)))));
			}
			for (IndexTemplate template : IndexTemplate.all()) {
				String index = template.indexName(names);
				if (!createIfAbsent(index)) {
					reshape(index);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot reach Elasticsearch to apply index templates", e);
		}
	}

	/** The template body with the configured shards and replicas. */
	String shaped(String body) {
		ObjectNode template = (ObjectNode) JSON.readTree(body);
		ObjectNode settings = template.withObject("/template/settings");
		settings.put("number_of_shards", shape.shards());
		settings.put("number_of_replicas", shape.replicas());
		return JSON.writeValueAsString(template);
	}

	/** Creates {@code index}; returns whether it is new. */
	private boolean createIfAbsent(String index) throws IOException {
		if (client.indices().exists(exists -> exists.index(index)).value()) {
			return false;
		}
		try {
			client.indices().create(create -> create.index(index));
			log.info("Created index {} ({} shard(s), {} replica(s))", index, shape.shards(), shape.replicas());
			return true;
		}
		catch (ElasticsearchException e) {
			if (!"resource_already_exists_exception".equals(e.error().type())) {
				throw e;
			}
			return false;
		}
	}

	/**
	 * Gives an existing index (or the indices behind an alias of that name) the
	 * configured replicas; its shards cannot change in place.
	 */
	private void reshape(String index) throws IOException {
		for (Map.Entry<String, IndexState> existing : client.indices()
			.getSettings(get -> get.index(index))
			.settings()
			.entrySet()) {
			// Elasticsearch answers {"settings": {"index": {...}}}.
			IndexSettings settings = existing.getValue().settings().index() != null
					? existing.getValue().settings().index() : existing.getValue().settings();
			int replicas = Integer.parseInt(settings.numberOfReplicas());
			int shards = Integer.parseInt(settings.numberOfShards());
			if (shards != shape.shards()) {
				log.warn("Index {} has {} shard(s), not the configured {}: an existing index keeps its shards "
						+ "(see docs/OPERATIONS.md, Scaling)", existing.getKey(), shards, shape.shards());
			}
			if (replicas != shape.replicas()) {
				client.indices()
					.putSettings(put -> put.index(existing.getKey())
						.settings(set -> set.numberOfReplicas(Integer.toString(shape.replicas()))));
				log.info("Index {}: replicas {} -> {}", existing.getKey(), replicas, shape.replicas());
			}
		}
	}

}
