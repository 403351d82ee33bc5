package io.rollcall.api.dashboard.reps;

import io.rollcall.api.dashboard.contact.ContactRow;
import io.rollcall.api.dashboard.contact.ContactService;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Maps {@code repProgress} to {@link RepProgressService}, and the {@code contact} of
 * every {@code RepProgress} node (of any query) to one batched contacts search per page.
 */
@Controller
record RepProgressController(RepProgressService reps, ContactService contacts) {

	@QueryMapping
	Connection repProgress(@Argument String programId, @Argument String teamId, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before, @Argument RepProgressOrder orderBy,
			@Argument List<String> contactIds) {
		return reps.repProgress(programId, teamId, first, after, last, before, orderBy, contactIds);
	}

	@BatchMapping(typeName = "RepProgress", field = "contact")
	Map<RepProgressNode, ContactRow> contact(List<RepProgressNode> nodes) {
		return contacts.join(nodes, RepProgressNode::contactId, RepProgressNode::scope);
	}

}
