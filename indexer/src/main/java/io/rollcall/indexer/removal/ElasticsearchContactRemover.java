package io.rollcall.indexer.removal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.rollcall.indexer.notice.Notices;
import io.rollcall.indexer.progress.ProgressRollups;
import io.rollcall.indexer.bulk.BulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.bulk.Refresher;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.stream.ContactRemoval;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes a contact: tombstone first (so events arriving from now on are dropped), then
 * every event of the contact, then its rollups, then a refresh, so that when the removal
 * is reported done, no search shows the contact any more.
 *
 * <p>
 * {@code _delete_by_query} is not available (no reindex module), so events are found with
 * a point in time and {@code search_after} over {@code _shard_doc}, which pages through a
 * frozen view without the cost or the 10,000-hit limit of deep {@code from}, and deleted
 * in bulk. Every step is idempotent, so a removal interrupted by a crash is simply redone
 * when its stream entry is claimed again: the tombstone's version conflict then means
 * "already in place".
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results#search-after">search_after
 * with a point in time</a>
 */
@Component
class ElasticsearchContactRemover implements ContactRemover {

	static final int PAGE_SIZE = 1_000;

	private static final Time KEEP_ALIVE = Time.of(time -> time.time("1m"));

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchContactRemover.class);

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final BulkWriter bulk;

	private final Retrier retrier;

	private final Refresher refresher;

	private final ProgressRollups rollups;

	private final Notices notices;

	private final Clock clock;

	ElasticsearchContactRemover(ElasticsearchClient client, IndexNames names, BulkWriter bulk, Retrier retrier,
			Refresher refresher, ProgressRollups rollups, Notices notices) {
		this.client = client;
		this.names = names;
		this.bulk = bulk;
		this.retrier = retrier;
		this.refresher = refresher;
		this.rollups = rollups;
		this.notices = notices;
		this.clock = Clock.systemUTC();
	}

	/**
	 * {@inheritDoc} A version of 0 means "whatever the contact holds now, plus one", so a
	 * removal without a version always wins over the current state.
	 */
	@Override
	public RemovalOutcome remove(String tenantId, ContactRemoval removal) {
		String contactId = removal.contactId();
		String id = ContactDocument.id(tenantId, contactId);
		long version = removal.version() > 0 ? removal.version() : current(tenantId, id).version() + 1;
		try {
			retrier.call("write tombstone",
					() -> client.index(index -> index.index(names.contacts())
						.id(id)
						.routing(tenantId)
						.version(version)
						.versionType(VersionType.External)
						.document(ContactDocument.tombstone(tenantId, contactId, version, clock.instant()))));
		}
		catch (ElasticsearchException e) {
			if (e.status() != 409) {
				throw e;
			}
			// Re-delivered removal (tombstone already there: finish the job) or an older
			// removal
			// than the contact's current version (the contact was re-added since: leave
			// it).
			if (!ContactDocument.Status.REMOVED.name().equals(current(tenantId, id).status())) {
				log.info("Ignored removal of {} at version {}: the contact holds a newer version", id, version);
				return RemovalOutcome.STALE;
			}
		}
		deleteEvents(tenantId, contactId);
		refresher.refresh(names.events());
		rollups.deleteContact(tenantId, contactId, notices.nextGeneration(tenantId));
		refresher.refresh(names.events(), names.progress(), names.contacts());
		return RemovalOutcome.REMOVED;
	}

	private CurrentContact current(String tenantId, String id) {
		GetResponse<CurrentContact> response = retrier.call("read contact",
				() -> client.get(get -> get.index(names.contacts())
					.id(id)
					.routing(tenantId)
					.sourceIncludes(ContactDocument.STATUS, ContactDocument.VERSION), CurrentContact.class));
		return response.found() && response.source() != null ? response.source() : new CurrentContact(null, 0);
	}

	private void deleteEvents(String tenantId, String contactId) {
		// Events written before the tombstone must be searchable for the point in time to
		// see them.
		refresher.refresh(names.events());
		String pit = retrier
			.call("open point in time",
					() -> client
						.openPointInTime(open -> open.index(names.events()).routing(tenantId).keepAlive(KEEP_ALIVE)))
			.id();
		try {
			String pitId = pit;
			List<FieldValue> after = null;
			while (true) {
				SearchResponse<Void> page = page(pitId, tenantId, contactId, after);
				List<Hit<Void>> hits = page.hits().hits();
				if (hits.isEmpty()) {
					return;
				}
				List<BulkOperation> deletes = hits.stream()
					.map(hit -> BulkOperation.of(operation -> operation
						.delete(delete -> delete.index(names.events()).id(hit.id()).routing(tenantId))))
					.toList();
				for (ItemResult result : bulk.write("remove-events", deletes)) {
					if (!result.outcome().isDone()) {
						throw retrier.unavailable("deleting events of a removed contact", result.reason());
					}
				}
				pitId = page.pitId() == null ? pitId : page.pitId();
				pit = pitId;
				after = hits.getLast().sort();
			}
		}
		finally {
			close(pit);
		}
	}

	private SearchResponse<Void> page(String pitId, String tenantId, String contactId, List<FieldValue> after) {
		return retrier.call("page events of contact", () -> client.search(search -> {
			search.pit(point -> point.id(pitId).keepAlive(KEEP_ALIVE))
				.size(PAGE_SIZE)
				.source(source -> source.fetch(false))
				.query(query -> query.bool(bool -> bool
					.filter(filter -> filter.term(term -> term.field(EventDocument.TENANT_ID).value(tenantId)))
					.filter(filter -> filter.term(term -> term.field(EventDocument.CONTACT_ID).value(contactId)))))
				.sort(sort -> sort.field(field -> field.field("_shard_doc")));
			if (after != null) {
				search.searchAfter(after);
			}
			return search;
		}, Void.class));
	}

	private void close(String pit) {
		try {
			client.closePointInTime(close -> close.id(pit));
		}
		catch (Exception e) {
			// It expires after its keep-alive anyway.
			log.debug("Could not close point in time: {}", e.toString());
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CurrentContact(String status, long version) {
	}

}
