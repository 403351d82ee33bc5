package io.rollcall.api.cache;

import io.rollcall.schema.stream.GenerationFields;

/**
 * What a cached answer is computed from, beyond the tenant's contacts (which every answer
 * depends on): one program's events, rollups and catalog entry, or the events of every
 * program. It names the cache generation whose move makes the answer stale.
 *
 * @param field the field of the tenant's cache generations (see {@link GenerationFields})
 */
public record Dependency(String field) {

	/** An answer about one program (every dashboard query with a {@code programId}). */
	public static Dependency program(String programId) {
		return new Dependency(GenerationFields.program(programId));
	}

	/** An answer over every program's events (activity without a {@code programId}). */
	public static Dependency everyProgram() {
		return new Dependency(GenerationFields.EVENTS);
	}

}
