package io.rollcall.api.dashboard.catalog;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code program} query to {@link CatalogService}. */
@Controller
record CatalogController(CatalogService catalog) {

	@QueryMapping
	ProgramRow program(@Argument String id) {
		return catalog.program(id).orElse(null);
	}

}
