package io.rollcall.indexer.changelog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.indexer.changelog.ComplianceStatuses.Update;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Judges every rep of a program again, for what changes compliance without an event: a
 * new catalog entry (other required lessons, another due date) and a due date that
 * passes. Reads the program's rollups a page at a time.
 */
@Component
class ProgramSweep {

	static final int PAGE = 1_000;

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Retrier retrier;

	ProgramSweep(ElasticsearchClient client, IndexNames names, Retrier retrier) {
		this.client = client;
		this.names = names;
		this.retrier = retrier;
	}

	/**
	 * The status of every rep of {@code catalog}'s program at {@code now}, each with the
	 * generation of its rollup; only reps whose current status is {@code expected} when
	 * it is given.
	 */
	List<Update> judge(String tenantId, Catalog catalog, Instant now, ComplianceStatus expected) {
		List<Update> updates = new ArrayList<>();
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> from = after;
			SearchResponse<RepLessons> page = retrier.call("read rollups of a program", () -> client.search(search -> {
				search.index(names.progress())
					.routing(tenantId)
					.size(PAGE)
					.source(source -> source.filter(filter -> filter.includes(ProgressDocument.CONTACT_ID,
							ProgressDocument.LESSONS_COMPLETED, ProgressDocument.GENERATION)))
					.sort(sort -> sort.field(field -> field.field(ProgressDocument.CONTACT_ID).order(SortOrder.Asc)))
					.query(query -> query.bool(bool -> bool
						.filter(filter -> filter.term(term -> term.field(ProgressDocument.TENANT_ID).value(tenantId)))
						.filter(filter -> filter
							.term(term -> term.field(ProgressDocument.PROGRAM_ID).value(catalog.programId())))));
				return from == null ? search : search.searchAfter(from);
			}, RepLessons.class));
			List<Hit<RepLessons>> hits = page.hits().hits();
			for (Hit<RepLessons> hit : hits) {
				RepLessons rep = hit.source();
				ComplianceStatus status = catalog.status(rep.lessonsCompleted(), now);
				if (status != null) {
					updates.add(new Update(rep.contactId(), status, rep.generation(),
							expected == null ? null : expected.name()));
				}
			}
			if (hits.size() < PAGE) {
				return updates;
			}
			after = hits.getLast().sort();
		}
	}

	/** The part of a rollup compliance is judged by. */
	record RepLessons(@JsonProperty(ProgressDocument.CONTACT_ID) String contactId,
			@JsonProperty(ProgressDocument.LESSONS_COMPLETED) List<String> lessonsCompleted,
			@JsonProperty(ProgressDocument.GENERATION) long generation) {

		RepLessons {
			lessonsCompleted = lessonsCompleted == null ? List.of() : lessonsCompleted;
		}

	}

}
