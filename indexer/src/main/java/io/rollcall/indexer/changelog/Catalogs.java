package io.rollcall.indexer.changelog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.program.ProgramDocument;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads programs' catalog entries, the required lessons compliance is judged by. */
@Component
class Catalogs {

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Retrier retrier;

	Catalogs(ElasticsearchClient client, IndexNames names, Retrier retrier) {
		this.client = client;
		this.names = names;
		this.retrier = retrier;
	}

	/** The catalog entries of {@code programIds} that exist, by program id. */
	Map<String, Catalog> of(String tenantId, Collection<String> programIds) {
		if (programIds.isEmpty()) {
			return Map.of();
		}
		List<String> ids = programIds.stream().map(program -> ProgramDocument.id(tenantId, program)).toList();
		MgetResponse<Catalog> response = retrier.call("read catalogs",
				() -> client.mget(mget -> mget.index(names.programs()).routing(tenantId).ids(ids), Catalog.class));
		Map<String, Catalog> catalogs = new HashMap<>();
		for (MultiGetResponseItem<Catalog> item : response.docs()) {
			if (item.isResult() && item.result().found() && item.result().source() != null) {
				Catalog catalog = item.result().source();
				catalogs.put(catalog.programId(), catalog);
			}
		}
		return catalogs;
	}

}
