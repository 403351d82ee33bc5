package io.rollcall.indexer.changelog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.program.ProgramDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A program's catalog entry as compliance needs it, read by the client from the
 * {@code _source} of its document.
 *
 * @param programId the program
 * @param lessonIds the required lessons
 * @param dueDate when they are due; {@code null}: never overdue
 */
record Catalog(@JsonProperty(ProgramDocument.PROGRAM_ID) String programId,
		@JsonProperty(ProgramDocument.LESSON_IDS) List<String> lessonIds,
		@JsonProperty(ProgramDocument.DUE_DATE) Instant dueDate) {

	/**
	 * The status of a rep who completed {@code completed}, at {@code now}; {@code null}
	 * for a catalog that requires nothing (nothing can be judged, as in the
	 * {@code compliance} query).
	 */
	ComplianceStatus status(Collection<String> completed, Instant now) {
		if (lessonIds == null || lessonIds.isEmpty()) {
			return null;
		}
		return ComplianceStatus.of(completed.containsAll(lessonIds), dueDate, now);
	}

}
