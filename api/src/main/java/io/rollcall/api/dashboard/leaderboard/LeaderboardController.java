package io.rollcall.api.dashboard.leaderboard;

import io.rollcall.api.dashboard.contact.ContactRow;
import io.rollcall.api.dashboard.contact.ContactService;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Maps {@code leaderboard} to {@link LeaderboardService}, and the entries'
 * {@code contact} to one batched contacts search.
 */
@Controller
record LeaderboardController(LeaderboardService leaderboards, ContactService contacts) {

	@QueryMapping
	List<LeaderboardEntry> leaderboard(@Argument String programId, @Argument LeaderboardMetric metric,
			@Argument Integer first, @Argument String teamId) {
		return leaderboards.leaderboard(programId, metric, first, teamId);
	}

	@BatchMapping(typeName = "LeaderboardEntry", field = "contact")
	Map<LeaderboardEntry, ContactRow> contact(List<LeaderboardEntry> entries) {
		return contacts.join(entries, LeaderboardEntry::contactId, LeaderboardEntry::scope);
	}

}
