package io.rollcall.indexer.removal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.index.IndexNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells which contacts of a batch are removed with one multi-get per batch. A multi-get
 * is real-time (it reads the translog), so a tombstone written a millisecond ago counts
 * without waiting for a refresh.
 */
@Component
class ElasticsearchTombstones implements Tombstones {

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Retrier retrier;

	ElasticsearchTombstones(ElasticsearchClient client, IndexNames names, Retrier retrier) {
		this.client = client;
		this.names = names;
		this.retrier = retrier;
	}

	@Override
	public Set<ContactKey> removed(Collection<ContactKey> contacts) {
		if (contacts.isEmpty()) {
			return Set.of();
		}
		List<ContactKey> keys = List.copyOf(new HashSet<>(contacts));
		List<MultiGetOperation> docs = keys.stream()
			.map(key -> MultiGetOperation.of(doc -> doc.index(names.contacts())
				.id(ContactDocument.id(key.tenantId(), key.contactId()))
				.routing(key.tenantId())))
			.toList();
		MgetResponse<ContactStatus> response = retrier.call("check tombstones",
				() -> client.mget(mget -> mget.docs(docs).sourceIncludes(ContactDocument.STATUS), ContactStatus.class));
		Set<ContactKey> removed = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			MultiGetResponseItem<ContactStatus> item = response.docs().get(i);
			if (item.isResult() && item.result().found() && item.result().source() != null
					&& ContactDocument.Status.REMOVED.name().equals(item.result().source().status())) {
				removed.add(keys.get(i));
			}
		}
		return removed;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContactStatus(String status) {
	}

}
