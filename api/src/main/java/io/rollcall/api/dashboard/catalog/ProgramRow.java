package io.rollcall.api.dashboard.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.schema.program.ProgramDocument;
import java.time.Instant;
import java.util.List;

/**
 * A program's catalog entry (GraphQL {@code Program}), read from its document; lessons in
 * curriculum order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramRow(@JsonProperty(ProgramDocument.PROGRAM_ID) String programId,
		@JsonProperty(ProgramDocument.NAME) String name,
		@JsonProperty(ProgramDocument.LESSON_IDS) List<String> lessonIds,
		@JsonProperty(ProgramDocument.DUE_DATE) Instant dueDate) {

	public ProgramRow {
		lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
	}

}
