package io.rollcall.indexer.write;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.program.ProgramDocument;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Bulk operations for program catalog entries. An entry is versioned by the time the api
 * accepted it ({@code external_gte}), so of two upserts of one program the later accepted
 * wins, whichever replica applies it last; re-applying the same entry after a crash is
 * allowed.
 */
@Component
class ProgramCatalogWriter {

	private final IndexNames names;

	private final Clock clock = Clock.systemUTC();

	ProgramCatalogWriter(IndexNames names) {
		this.names = names;
	}

	BulkOperation upsert(Entry.Item<Program> item) {
		String tenantId = item.owner().tenantId();
		Program program = item.value();
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.programs())
			.id(ProgramDocument.id(tenantId, program.programId()))
			.routing(tenantId)
			.version(item.owner().entry.acceptedAt().toEpochMilli())
			.versionType(VersionType.ExternalGte)
			.document(ProgramDocument.source(tenantId, program, clock.instant()))));
	}

}
