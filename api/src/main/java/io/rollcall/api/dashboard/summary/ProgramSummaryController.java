package io.rollcall.api.dashboard.summary;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Maps {@code programSummary} and the {@code programSummaryChanged} tile to
 * {@link ProgramSummaryService}.
 */
@Controller
record ProgramSummaryController(ProgramSummaryService summaries) {

	@QueryMapping
	ProgramSummary programSummary(@Argument String programId) {
		return summaries.programSummary(programId);
	}

	@SubscriptionMapping
	Flux<ProgramSummary> programSummaryChanged(@Argument String programId) {
		return summaries.programSummaryChanged(programId);
	}

}
