package io.rollcall.schema.program;

import io.rollcall.schema.json.Identifier;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A program's catalog entry: its curriculum. Compliance requires every lesson of
 * {@code lessonIds}, and per-lesson lists follow their order; a program without an entry
 * uses the lessons seen in its events.
 *
 * @param programId the program
 * @param name a display name
 * @param lessonIds the required lessons, in curriculum order, without duplicates
 * @param dueDate when every rep should have completed the program; {@code null} for no
 * deadline
 */
public record Program(@NotNull @Identifier String programId, @Size(max = 200) String name,
		@NotEmpty @Size(max = MAX_LESSONS) List<@NotNull @Identifier String> lessonIds, Instant dueDate) {

	/** Far above a program's ~55 lessons; bounds the compliance query's clauses. */
	public static final int MAX_LESSONS = 1_000;

	public Program {
		lessonIds = lessonIds == null ? null : List.copyOf(lessonIds);
	}

	/** Whether a lesson id is listed twice (the contract forbids it). */
	public boolean hasDuplicateLessons() {
		return lessonIds != null && lessonIds.stream().distinct().count() != lessonIds.size();
	}

}
