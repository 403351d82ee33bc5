package io.rollcall.indexer.events;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.rollcall.indexer.bulk.BulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.removal.ContactKey;
import io.rollcall.indexer.removal.Tombstones;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.index.IndexNames;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Writes events whose contact is not removed. Each event is one document with
 * {@code _id = tenant/eventId}, routed by tenant and versioned by its revision
 * ({@code external}): a duplicate or an older correction is a version conflict, that is,
 * already applied.
 *
 * <p>
 * The tombstones are checked before the bulk (to drop late events) and again after it,
 * for the contacts of the events that landed: a removal running concurrently on another
 * replica may have written its tombstone in between. If so, either its point-in-time
 * search saw our events (it refreshed after writing the tombstone, hence after our bulk)
 * or our second check sees its tombstone and we delete them ourselves.
 */
@Component
public class EventWriter {

	private final BulkWriter bulk;

	private final Tombstones tombstones;

	private final IndexNames names;

	public EventWriter(BulkWriter bulk, Tombstones tombstones, IndexNames names) {
		this.bulk = bulk;
		this.tombstones = tombstones;
		this.names = names;
	}

	/**
	 * Writes {@code events}; the results are parallel to them. An event of a removed
	 * contact comes back {@link ItemResult.Outcome#DROPPED}; one whose fate is unknown
	 * because Elasticsearch kept failing comes back
	 * {@link ItemResult.Outcome#UNAVAILABLE}.
	 */
	public List<ItemResult> write(List<TenantEvent> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		ItemResult[] results = new ItemResult[events.size()];
		Optional<List<Integer>> removed = removedAmong(events, IntStream.range(0, events.size()).boxed().toList(),
				results);
		if (removed.isEmpty()) {
			return Arrays.asList(results);
		}
		removed.get().forEach(i -> results[i] = ItemResult.DROPPED);
		List<Integer> kept = IntStream.range(0, events.size()).filter(i -> results[i] == null).boxed().toList();
		List<ItemResult> written = bulk.write("events", kept.stream().map(i -> upsert(events.get(i))).toList());
		for (int k = 0; k < kept.size(); k++) {
			results[kept.get(k)] = written.get(k);
		}
		List<Integer> landed = kept.stream().filter(i -> results[i].outcome().landed()).toList();
		Optional<List<Integer>> late = removedAmong(events, landed, results);
		if (late.isEmpty()) {
			return Arrays.asList(results);
		}
		List<Integer> deletes = late.get();
		List<ItemResult> deleted = bulk.write("events", deletes.stream().map(i -> delete(events.get(i))).toList());
		for (int d = 0; d < deletes.size(); d++) {
			results[deletes.get(d)] = deleted.get(d).outcome().isDone() ? ItemResult.DROPPED : deleted.get(d);
		}
		return Arrays.asList(results);
	}

	/**
	 * The events at {@code indices} whose contact is removed; empty, with all of them
	 * unavailable in {@code results}, when the tombstones could not be read.
	 */
	private Optional<List<Integer>> removedAmong(List<TenantEvent> events, List<Integer> indices,
			ItemResult[] results) {
		if (indices.isEmpty()) {
			return Optional.of(List.of());
		}
		Set<ContactKey> tombstoned;
		try {
			tombstoned = tombstones.removed(indices.stream().map(i -> contactOf(events.get(i))).toList());
		}
		catch (UnavailableException e) {
			indices.forEach(i -> results[i] = ItemResult.unavailable(e.getMessage()));
			return Optional.empty();
		}
		return Optional.of(indices.stream().filter(i -> tombstoned.contains(contactOf(events.get(i)))).toList());
	}

	private BulkOperation upsert(TenantEvent item) {
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.events())
			.id(EventDocument.id(item.tenantId(), item.event().eventId()))
			.routing(item.tenantId())
			.version(item.event().effectiveRevision())
			.versionType(VersionType.External)
			.document(EventDocument.source(item.tenantId(), item.event(), item.acceptedAt()))));
	}

	private BulkOperation delete(TenantEvent item) {
		return BulkOperation.of(operation -> operation.delete(delete -> delete.index(names.events())
			.id(EventDocument.id(item.tenantId(), item.event().eventId()))
			.routing(item.tenantId())));
	}

	private static ContactKey contactOf(TenantEvent item) {
		return new ContactKey(item.tenantId(), item.event().contactId());
	}

}
