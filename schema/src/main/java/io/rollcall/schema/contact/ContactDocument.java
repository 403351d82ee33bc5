package io.rollcall.schema.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Elasticsearch document of a contact (see
 * {@code elasticsearch/contacts-template.json}). A removed contact keeps a document with
 * status {@link Status#REMOVED} and no personal data: the tombstone that stops late
 * events from resurrecting it.
 */
public final class ContactDocument {

	public static final String TENANT_ID = "tenant_id";

	public static final String CONTACT_ID = "contact_id";

	public static final String NAME = "name";

	public static final String EMAIL = "email";

	public static final String TEAM_ID = "team_id";

	public static final String MANAGER_ID = "manager_id";

	public static final String HIRED_AT = "hired_at";

	public static final String STATUS = "status";

	public static final String VERSION = "version";

	public static final String UPDATED_AT = "updated_at";

	public enum Status {

		ACTIVE, REMOVED

	}

	private ContactDocument() {
	}

	public static String id(String tenantId, String contactId) {
		return tenantId + "/" + contactId;
	}

	public static Map<String, Object> source(String tenantId, Contact contact, Instant updatedAt) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put(TENANT_ID, tenantId);
		source.put(CONTACT_ID, contact.contactId());
		putIfPresent(source, NAME, contact.name());
		putIfPresent(source, EMAIL, contact.email());
		putIfPresent(source, TEAM_ID, contact.teamId());
		putIfPresent(source, MANAGER_ID, contact.managerId());
		putIfPresent(source, HIRED_AT, contact.hiredAt() == null ? null : contact.hiredAt().toString());
		source.put(STATUS, Status.ACTIVE.name());
		source.put(VERSION, contact.version());
		source.put(UPDATED_AT, updatedAt.toString());
		return source;
	}

	/** The tombstone of a removed contact: its identity and version, nothing personal. */
	public static Map<String, Object> tombstone(String tenantId, String contactId, long version, Instant removedAt) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put(TENANT_ID, tenantId);
		source.put(CONTACT_ID, contactId);
		source.put(STATUS, Status.REMOVED.name());
		source.put(VERSION, version);
		source.put(UPDATED_AT, removedAt.toString());
		return source;
	}

	private static void putIfPresent(Map<String, Object> source, String field, Object value) {
		if (value != null) {
			source.put(field, value);
		}
	}

}
