package io.rollcall.indexer.progress;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.rollcall.indexer.bulk.BulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes progress rollups from events. Painless is not available, so a rollup is
 * never updated in place: it is rebuilt from the rep's current events with one
 * aggregation per (tenant, program) per batch, and overwritten whole.
 *
 * <h2>Why the generation makes concurrent replicas safe</h2> The caller refreshes the
 * events index, then takes the tenant's generation ({@code INCR}), then calls
 * {@link #recompute}, which searches and writes with {@code version = generation,
 * version_type = external_gte}. Every write of events a replica made before its refresh
 * is visible to any search that starts after that refresh; so a rollup computed under a
 * higher generation was computed from a view that includes every batch whose rollup
 * carries a lower generation. When a slow replica's older rollup (lower generation)
 * arrives after a newer one, Elasticsearch answers 409 and the newer one stays.
 * {@code external_gte} rather than {@code external}, so that re-applying the same batch
 * (same generation) after a failure is allowed. Deleting a rollup uses the same
 * versioning: the delete's version stays as a tombstone for {@code index.gc_deletes} (60
 * s), long enough to fend off a stale rewrite in flight.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/optimistic-concurrency-control">versioning</a>
 */
@Component
public class ProgressRollups {

	/**
	 * Contacts per aggregation. A batch rarely touches more of one program's reps; the
	 * cap keeps the buckets of one search (reps x lessons) well under
	 * {@code search.max_buckets} (65,536).
	 */
	static final int CONTACTS_PER_SEARCH = 250;

	/** Lesson buckets per rep: far above a program's ~55 lessons. */
	static final int MAX_LESSONS = 1_000;

	private static final Logger log = LoggerFactory.getLogger(ProgressRollups.class);

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final BulkWriter bulk;

	private final Retrier retrier;

	public ProgressRollups(ElasticsearchClient client, IndexNames names, BulkWriter bulk, Retrier retrier) {
		this.client = client;
		this.names = names;
		this.bulk = bulk;
		this.retrier = retrier;
	}

	/**
	 * Rebuilds the rollups of {@code contactsByProgram} for {@code tenantId}; a rep left
	 * without events in a program loses its rollup. The events index must have been
	 * refreshed before {@code generation} was taken.
	 * @return the rollups written (a rep left without events has none)
	 * @throws UnavailableException when Elasticsearch kept failing; the caller leaves the
	 * batch pending
	 */
	public List<Rollup> recompute(String tenantId, long generation, Map<String, Set<String>> contactsByProgram) {
		List<BulkOperation> operations = new ArrayList<>();
		List<Rollup> written = new ArrayList<>();
		contactsByProgram.forEach((programId, contactIds) -> {
			List<String> contacts = List.copyOf(contactIds);
			for (int from = 0; from < contacts.size(); from += CONTACTS_PER_SEARCH) {
				List<String> chunk = contacts.subList(from, Math.min(contacts.size(), from + CONTACTS_PER_SEARCH));
				Map<String, Rollup> rollups = aggregate(tenantId, programId, chunk);
				for (String contactId : chunk) {
					Rollup rollup = rollups.get(contactId);
					if (rollup != null) {
						written.add(rollup);
					}
					operations.add(rollup == null
							? delete(tenantId, ProgressDocument.id(tenantId, programId, contactId), generation)
							: index(rollup, generation));
				}
			}
		});
		write(operations);
		return written;
	}

	/**
	 * Deletes every rollup of a removed contact. The events index must have been
	 * refreshed (and the contact's events deleted) before {@code generation} was taken.
	 */
	public void deleteContact(String tenantId, String contactId, long generation) {
		retrier.call("refresh progress", () -> client.indices().refresh(refresh -> refresh.index(names.progress())));
		SearchResponse<Void> response = retrier.call("find rollups of contact",
				() -> client.search(
						search -> search.index(names.progress())
							.routing(tenantId)
							.size(MAX_LESSONS)
							.source(source -> source.fetch(false))
							.query(query -> query.bool(bool -> bool
								.filter(filter -> filter
									.term(term -> term.field(ProgressDocument.TENANT_ID).value(tenantId)))
								.filter(filter -> filter
									.term(term -> term.field(ProgressDocument.CONTACT_ID).value(contactId))))),
						Void.class));
		write(response.hits().hits().stream().map(hit -> delete(tenantId, hit.id(), generation)).toList());
	}

	private Map<String, Rollup> aggregate(String tenantId, String programId, List<String> contactIds) {
		List<FieldValue> contacts = contactIds.stream().map(FieldValue::of).toList();
		SearchResponse<Void> response = retrier.call("aggregate rollups", () -> client.search(search -> search
			.index(names.events())
			.routing(tenantId)
			.size(0)
			.query(query -> query.bool(bool -> bool
				.filter(filter -> filter.term(term -> term.field(EventDocument.TENANT_ID).value(tenantId)))
				.filter(filter -> filter.term(term -> term.field(EventDocument.PROGRAM_ID).value(programId)))
				.filter(filter -> filter
					.terms(terms -> terms.field(EventDocument.CONTACT_ID).terms(values -> values.value(contacts))))))
			.aggregations("reps", reps -> reps
				.terms(terms -> terms.field(EventDocument.CONTACT_ID).size(contactIds.size()))
				.aggregations("started", lessonsWith(EventType.LESSON_STARTED))
				.aggregations("completed", lessonsWith(EventType.LESSON_COMPLETED))
				.aggregations("quiz", quiz -> quiz
					.filter(filter -> filter
						.term(term -> term.field(EventDocument.TYPE).value(EventType.QUIZ_ANSWERED.name())))
					.aggregations("correct",
							correct -> correct
								.filter(filter -> filter.term(term -> term.field(EventDocument.CORRECT).value(true)))))
				.aggregations("first", first -> first.min(min -> min.field(EventDocument.OCCURRED_AT)))
				.aggregations("last", last -> last.max(max -> max.field(EventDocument.OCCURRED_AT)))), Void.class));
		Map<String, Rollup> rollups = new HashMap<>();
		for (StringTermsBucket rep : response.aggregations().get("reps").sterms().buckets().array()) {
			Map<String, Aggregate> aggs = rep.aggregations();
			String contactId = rep.key().stringValue();
			rollups.put(contactId,
					new Rollup(tenantId, programId, contactId, rep.docCount(), lessons(aggs.get("started")),
							lessons(aggs.get("completed")), aggs.get("quiz").filter().docCount(),
							aggs.get("quiz").filter().aggregations().get("correct").filter().docCount(),
							Instant.ofEpochMilli(aggs.get("first").min().value().longValue()),
							Instant.ofEpochMilli(aggs.get("last").max().value().longValue())));
		}
		return rollups;
	}

	/** The lessons a rep's events of {@code type} name: {@code terms} under a filter. */
	private static Aggregation lessonsWith(EventType type) {
		return Aggregation.of(aggregation -> aggregation
			.filter(filter -> filter.term(term -> term.field(EventDocument.TYPE).value(type.name())))
			.aggregations("lessons",
					lessons -> lessons.terms(terms -> terms.field(EventDocument.LESSON_ID).size(MAX_LESSONS))));
	}

	private static List<String> lessons(Aggregate filtered) {
		return filtered.filter()
			.aggregations()
			.get("lessons")
			.sterms()
			.buckets()
			.array()
			.stream()
			.map(bucket -> bucket.key().stringValue())
			.toList();
	}

	private BulkOperation index(Rollup rollup, long generation) {
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.progress())
			.id(ProgressDocument.id(rollup.tenantId(), rollup.programId(), rollup.contactId()))
			.routing(rollup.tenantId())
			.version(generation)
			.versionType(VersionType.ExternalGte)
			.document(rollup.toDocument(generation))));
	}

	private BulkOperation delete(String tenantId, String id, long generation) {
		return BulkOperation.of(operation -> operation.delete(delete -> delete.index(names.progress())
			.id(id)
			.routing(tenantId)
			.version(generation)
			.versionType(VersionType.ExternalGte)));
	}

	private void write(List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			return;
		}
		List<ItemResult> results = bulk.write("rollups", operations);
		for (ItemResult result : results) {
			switch (result.outcome()) {
				case UNAVAILABLE -> throw retrier.unavailable("writing rollups", result.reason());
				// A rollup is derived data built by this class: a refusal is a bug to
				// fix, not an item to dead-letter.
				case REJECTED -> log.error("Elasticsearch refused a progress rollup: {}", result.reason());
				default -> {
					// applied, superseded by a newer generation, or already gone
				}
			}
		}
	}

}
