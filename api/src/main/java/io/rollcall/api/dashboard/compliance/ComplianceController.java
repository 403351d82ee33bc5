package io.rollcall.api.dashboard.compliance;

import graphql.GraphQLContext;
import io.rollcall.api.cache.Freshness;
import io.rollcall.api.dashboard.reps.Connection;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Maps {@code compliance}, its {@code nonCompliantReps} and the {@code complianceChanged}
 * tile to {@link ComplianceService}, and tells HTTP caches when a report's
 * {@code overdue} depends on the clock.
 */
@Controller
record ComplianceController(ComplianceService compliance) {

	@QueryMapping
	ComplianceReport compliance(@Argument String programId, @Argument Instant dueBy, @Argument String teamId,
			GraphQLContext context) {
		ComplianceReport report = compliance.compliance(programId, dueBy, teamId);
		if (report.dependsOnClock()) {
			Freshness.dependsOnClock(context);
		}
		return report;
	}

	@SubscriptionMapping
	Flux<ComplianceReport> complianceChanged(@Argument String programId) {
		return compliance.complianceChanged(programId);
	}

	@SchemaMapping(typeName = "Compliance")
	Connection nonCompliantReps(ComplianceReport report, @Argument Integer first, @Argument String after) {
		return compliance.nonCompliantReps(report, first, after);
	}

}
