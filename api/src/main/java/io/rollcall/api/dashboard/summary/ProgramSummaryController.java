package io.rollcall.api.dashboard;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps dashboard queries to {@link DashboardService}; no logic here. */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	DashboardController(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@QueryMapping
	ProgramSummary programSummary(@Argument String programId) {
		return dashboards.programSummary(programId);
	}

}
