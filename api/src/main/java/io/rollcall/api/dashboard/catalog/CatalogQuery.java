package io.rollcall.api.dashboard.catalog;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.program.ProgramDocument;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads the program catalog ({@code <prefix>-programs}), which the compliance report and
 * the program summary use too. The catalog is tenant-wide: a manager sees the same entry
 * as anyone in the tenant.
 */
@Component
public class CatalogQuery {

	private final TenantScopedSearch search;

	CatalogQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/** The program's catalog entry, if it has one. */
	public Optional<ProgramRow> program(SearchScope scope, String programId) {
		Query query = Query.of(q -> q.term(t -> t.field(ProgramDocument.PROGRAM_ID).value(programId)));
		return search.search(scope, SearchIndex.PROGRAMS, query, s -> s.size(1), ProgramRow.class)
			.hits()
			.hits()
			.stream()
			.findFirst()
			.map(Hit::source);
	}

}
