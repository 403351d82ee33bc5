package io.rollcall.schema.stream;

/** What a stream entry carries in its {@code body}. */
public enum EntryKind {

	/** A JSON array of {@link io.rollcall.schema.event.InteractionEvent}s. */
	EVENTS,
	/** A JSON array of {@link io.rollcall.schema.contact.Contact}s. */
	CONTACTS,
	/** A JSON array of {@link ContactRemoval}s. */
	CONTACT_REMOVALS,
	/** A JSON array of {@link io.rollcall.schema.program.Program}s (catalog entries). */
	PROGRAMS

}
