package io.rollcall.api.ingest;

import io.rollcall.schema.json.BatchFormat;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL writes. Inputs are handed to {@link IngestService} as the JSON the REST API
 * takes, so both paths share one contract, one validation and one set of error messages.
 */
@Controller
record IngestGraphQlController(IngestService ingest) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@MutationMapping
	WriteReceipt recordEvents(@Argument("events") List<Map<String, Object>> events, @Argument Consistency consistency) {
		return ingest.recordEvents(JSON.writeValueAsBytes(events), BatchFormat.JSON_ARRAY, consistency);
	}

	@MutationMapping
	WriteReceipt upsertContact(@Argument("contact") Map<String, Object> contact, @Argument Consistency consistency) {
		return ingest.upsertContacts(JSON.writeValueAsBytes(List.of(contact)), BatchFormat.JSON_ARRAY, consistency);
	}

	@MutationMapping
	RemovalReceipt removeContact(@Argument String id) {
		return ingest.removeContact(id, null);
	}

}
