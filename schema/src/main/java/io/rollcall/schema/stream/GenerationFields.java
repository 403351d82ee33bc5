package io.rollcall.schema.stream;

/**
 * The fields of a tenant's cache generations ({@link IngestKeys#cacheGenerations}): what
 * a write can change, as the api's dashboard cache depends on it. Each field only grows;
 * a missing field is generation 0.
 */
public final class GenerationFields {

	/**
	 * Bumped when any event of the tenant lands, whatever its program: answers over every
	 * program (activity without a program) depend on it.
	 */
	public static final String EVENTS = "events";

	/**
	 * Bumped when a contact is written or removed: contacts decide team scopes and the
	 * rows joined to reps, and a removal deletes a rep's events and rollups in every
	 * program, so every answer depends on it.
	 */
	public static final String CONTACTS = "contacts";

	private GenerationFields() {
	}

	/**
	 * Bumped when an event of the program lands (its rollups change with it) or its
	 * catalog entry is written: answers about one program depend on it.
	 */
	public static String program(String programId) {
		return "program:" + programId;
	}

}
