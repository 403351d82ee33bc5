package io.rollcall.api.subscription;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Maps subscriptions to {@link DashboardChanges}; no logic here. */
@Controller
class DashboardChangesController {

	private final DashboardChanges changes;

	DashboardChangesController(DashboardChanges changes) {
		this.changes = changes;
	}

	@SubscriptionMapping
	Flux<DashboardChange> dashboardChanges(@Argument String programId) {
		return this.changes.changes(programId);
	}

}
