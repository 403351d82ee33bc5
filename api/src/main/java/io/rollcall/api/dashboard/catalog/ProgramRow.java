package io.rollcall.api.search;

import java.time.Instant;
import java.util.List;

/** A program's catalog entry, lessons in curriculum order. */
public record ProgramRow(String programId, String name, List<String> lessonIds, Instant dueDate) {

	public ProgramRow {
		lessonIds = List.copyOf(lessonIds);
	}

}
