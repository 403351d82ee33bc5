package io.rollcall.api.dashboard.catalog;

import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.security.Scopes;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code program} query: a program's catalog entry, read fresh. */
@Service
@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
class CatalogService {

	private final CatalogQuery catalog;

	private final DashboardReads reads;

	CatalogService(CatalogQuery catalog, DashboardReads reads) {
		this.catalog = catalog;
		this.reads = reads;
	}

	public Optional<ProgramRow> program(String programId) {
		Arguments.id("id", programId);
		return catalog.program(reads.scope(), programId);
	}

}
