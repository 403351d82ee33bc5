package io.rollcall.api.dashboard;

import io.rollcall.api.search.ActivityQuery;
import io.rollcall.api.search.ContactRow;
import io.rollcall.api.search.ProgramRow;
import io.rollcall.api.search.SearchScope;
import io.rollcall.schema.event.EventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Maps the dashboard queries of {@code dashboard.graphqls} to {@link DashboardQueries}.
 */
@Controller
class DashboardQueryController {

	private final DashboardQueries queries;

	DashboardQueryController(DashboardQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Connection repProgress(@Argument String programId, @Argument String teamId, @Argument Integer first,
			@Argument String after, @Argument RepProgressOrder orderBy) {
		return queries.repProgress(programId, teamId, first, after, orderBy);
	}

	@QueryMapping
	ComplianceReport compliance(@Argument String programId, @Argument Instant dueBy, @Argument String teamId) {
		return queries.compliance(programId, dueBy, teamId);
	}

	@SchemaMapping(typeName = "Compliance")
	Connection nonCompliantReps(ComplianceReport report, @Argument Integer first, @Argument String after) {
		return queries.nonCompliantReps(report, first, after);
	}

	@QueryMapping
	List<ActivityBucket> activity(@Argument TimeRange range, @Argument ActivityQuery.Interval interval,
			@Argument List<EventType> types, @Argument String programId, @Argument String teamId) {
		return queries.activity(range, interval, types, programId, teamId);
	}

	@QueryMapping
	List<QuestionStats> quizStats(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return queries.quizStats(programId, lessonId, teamId);
	}

	@QueryMapping
	List<SegmentReach> videoDropoff(@Argument String programId, @Argument String lessonId, @Argument String teamId) {
		return queries.videoDropoff(programId, lessonId, teamId);
	}

	@QueryMapping
	List<LeaderboardEntry> leaderboard(@Argument String programId, @Argument LeaderboardMetric metric,
			@Argument Integer first, @Argument String teamId) {
		return queries.leaderboard(programId, metric, first, teamId);
	}

	@QueryMapping
	ContactRow contact(@Argument String id) {
		return queries.contact(id).orElse(null);
	}

	@QueryMapping
	ProgramRow program(@Argument String id) {
		return queries.program(id).orElse(null);
	}

	@BatchMapping(typeName = "RepProgress", field = "contact")
	Map<RepProgressNode, ContactRow> repContacts(List<RepProgressNode> nodes) {
		return join(nodes, RepProgressNode::contactId, RepProgressNode::scope);
	}

	@BatchMapping(typeName = "LeaderboardEntry", field = "contact")
	Map<LeaderboardEntry, ContactRow> leaderContacts(List<LeaderboardEntry> entries) {
		return join(entries, LeaderboardEntry::contactId, LeaderboardEntry::scope);
	}

	/** One contacts search per scope in the batch (in practice one per page). */
	private <T> Map<T, ContactRow> join(List<T> items, Function<T, String> contactId, Function<T, SearchScope> scope) {
		Map<SearchScope, List<T>> byScope = new HashMap<>();
		items.forEach(item -> byScope.computeIfAbsent(scope.apply(item), key -> new java.util.ArrayList<>()).add(item));
		Map<T, ContactRow> joined = new HashMap<>();
		byScope.forEach((searchScope, group) -> {
			Map<String, ContactRow> contacts = queries.contacts(searchScope,
					group.stream().map(contactId).distinct().toList());
			group.forEach(item -> {
				ContactRow contact = contacts.get(contactId.apply(item));
				if (contact != null) {
					joined.put(item, contact);
				}
			});
		});
		return joined;
	}

}
