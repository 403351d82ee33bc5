package io.rollcall.api.dashboard.summary;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code programSummary} to {@link ProgramSummaryService}. */
@Controller
class ProgramSummaryController {

	private final ProgramSummaryService summaries;

	ProgramSummaryController(ProgramSummaryService summaries) {
		this.summaries = summaries;
	}

	@QueryMapping
	ProgramSummary programSummary(@Argument String programId) {
		return summaries.programSummary(programId);
	}

}
