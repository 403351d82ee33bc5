package io.rollcall.indexer.changelog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which events of a re-delivered entry are stored exactly at their own revision. The
 * delivery before may have written them and stopped before logging them; an event whose
 * stored revision is higher was superseded (that correction is logged on its own), and
 * one with no document was removed since.
 */
@Component
class StoredRevisions {

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Retrier retrier;

	StoredRevisions(ElasticsearchClient client, IndexNames names, Retrier retrier) {
		this.client = client;
		this.names = names;
		this.retrier = retrier;
	}

	/**
	 * The events of {@code events} stored at their revision (the external version of
	 * their document), in order.
	 */
	List<InteractionEvent> storedAsIs(String tenantId, List<InteractionEvent> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		List<String> ids = events.stream().map(event -> EventDocument.id(tenantId, event.eventId())).toList();
		MgetResponse<Void> response = retrier.call("read event versions", () -> client.mget(
				mget -> mget.index(names.events()).routing(tenantId).ids(ids).source(source -> source.fetch(false)),
				Void.class));
		List<InteractionEvent> stored = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			MultiGetResponseItem<Void> item = response.docs().get(i);
			if (item.isResult() && item.result().found() && item.result().version() != null
					&& item.result().version() == events.get(i).effectiveRevision()) {
				stored.add(events.get(i));
			}
		}
		return stored;
	}

}
