package io.rollcall.api.search;

import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;

/**
 * The indices the api reads, each with the field that names the rep its documents are
 * about: the field a {@link SearchScope}'s contacts filter applies to.
 */
public enum SearchIndex {

	/** One document per event (latest revision). */
	EVENTS(EventDocument.CONTACT_ID),

	/** One document per contact, tombstones of removed contacts included. */
	CONTACTS(ContactDocument.CONTACT_ID),

	/** One progress rollup per (tenant, program, rep). */
	PROGRESS(ProgressDocument.CONTACT_ID),

	/**
	 * The program catalog: tenant-wide facts about no rep, so never filtered by a scope's
	 * contacts.
	 */
	PROGRAMS(null);

	private final String repField;

	SearchIndex(String repField) {
		this.repField = repField;
	}

	/** The field naming the rep, or {@code null} when documents are about no rep. */
	String repField() {
		return repField;
	}

	String name(IndexNames indices) {
		return switch (this) {
			case EVENTS -> indices.events();
			case CONTACTS -> indices.contacts();
			case PROGRESS -> indices.progress();
			case PROGRAMS -> indices.programs();
		};
	}

}
