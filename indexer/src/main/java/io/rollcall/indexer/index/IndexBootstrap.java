package io.rollcall.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.IndexTemplate;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the three index templates and creates the indices if absent, before the stream
 * consumer starts (singletons are initialised before lifecycle beans start).
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

	private final ElasticsearchClient client;

	private final IndexNames names;

	public IndexBootstrap(ElasticsearchClient client, IndexNames names) {
		this.client = client;
		this.names = names;
	}

	@Override
	public void afterSingletonsInstantiated() {
		apply();
	}

	/** Puts every template, then creates every index that does not exist yet. */
	public void apply() {
		try {
			for (IndexTemplate template : IndexTemplate.all()) {
				client.indices()
					.putIndexTemplate(put -> put.name(template.templateName(names))
						.withJson(new StringReader(template.body(names))));
			}
			for (IndexTemplate template : IndexTemplate.all()) {
				createIfAbsent(template.indexName(names));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot reach Elasticsearch to apply index templates", e);
		}
	}

	private void createIfAbsent(String index) throws IOException {
		if (client.indices().exists(exists -> exists.index(index)).value()) {
			return;
		}
		try {
			client.indices().create(create -> create.index(index));
			log.info("Created index {}", index);
		}
		catch (ElasticsearchException e) {
			if (!"resource_already_exists_exception".equals(e.error().type())) {
				throw e;
			}
		}
	}

}
