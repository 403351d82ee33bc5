package io.rollcall.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.platform.UnavailableException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refreshes indices, so that what was written is searchable before anyone is told it is.
 */
@Component
public class Refresher {

	private final ElasticsearchClient client;

	private final Retrier retrier;

	public Refresher(ElasticsearchClient client, Retrier retrier) {
		this.client = client;
		this.retrier = retrier;
	}

	/**
	 * Refreshes {@code indices}.
	 * @throws UnavailableException when Elasticsearch kept failing
	 */
	public void refresh(String... indices) {
		retrier.call("refresh", () -> client.indices().refresh(refresh -> refresh.index(List.of(indices))));
	}

}
