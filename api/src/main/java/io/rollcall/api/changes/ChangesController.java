package io.rollcall.api.changes;

import io.rollcall.schema.change.ChangeKind;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Maps the {@code changes} subscription and query to {@link ChangesService}, and the
 * deprecated {@code dashboardChanges} to {@link DashboardChanges}.
 */
@Controller
record ChangesController(ChangesService changes, DashboardChanges dashboardChanges) {

	@SubscriptionMapping
	Flux<DashboardChange> dashboardChanges(@Argument String programId) {
		return dashboardChanges.changes(programId);
	}

	@SubscriptionMapping
	Flux<LoggedChange> changes(@Argument String after, @Argument List<ChangeKind> kinds, @Argument String programId,
			@Argument String contactId) {
		return changes.subscribe(after, kinds, programId, contactId);
	}

	@QueryMapping(name = "changes")
	ChangeConnection changePage(@Argument String after, @Argument Integer first, @Argument List<ChangeKind> kinds,
			@Argument String programId, @Argument String contactId) {
		return changes.page(after, first, kinds, programId, contactId);
	}

}
