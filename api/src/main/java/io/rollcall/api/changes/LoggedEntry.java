package io.rollcall.api.changes;

import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.change.ChangeLogEntry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entry of a change log as read: its stream id and plain fields, and the
 * {@link LoggedChange} they hold, parsed once, on first use, for every subscriber that
 * wants it (filters read the plain fields only).
 */
final class LoggedEntry {

	private static final Logger log = LoggerFactory.getLogger(LoggedEntry.class);

	private final String id;

	private final Map<String, String> fields;

	private volatile LoggedChange change;

	LoggedEntry(String id, Map<String, String> fields) {
		this.id = id;
		this.fields = fields;
	}

	/** The stream id: the position in the log. */
	String id() {
		return id;
	}

	Map<String, String> fields() {
		return fields;
	}

	/**
	 * The change this entry records, {@code null} when it cannot be read (logged: an
	 * entry of a newer indexer, or a corrupt one, is skipped rather than ending every
	 * subscription of the tenant).
	 */
	LoggedChange change() {
		LoggedChange parsed = change;
		if (parsed == null) {
			try {
				parsed = LoggedChange.of(ChangeCursor.encode(id), ChangeLogEntry.change(fields));
			}
			catch (RuntimeException ex) {
				log.warn("skipping unreadable change log entry {}: {}", id, ex.getMessage());
				return null;
			}
			change = parsed;
		}
		return parsed;
	}

}
