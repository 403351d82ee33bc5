package io.rollcall.api.changes;

import io.rollcall.api.search.SearchScope;
import io.rollcall.schema.change.ChangeKind;
import io.rollcall.schema.change.ChangeLogEntry;
import java.util.Map;
import java.util.Set;

/**
 * Which entries of a tenant's log a reader wants, decided on the entries' plain fields
 * (kind, rep, program) so that an entry nobody wants is never parsed.
 *
 * @param kinds the kinds wanted; {@code null}: all
 * @param programId the program wanted, {@code null}: all; removals concern every program
 * of the rep, so they pass this filter
 * @param contactId the rep wanted; {@code null}: all
 * @param scope what the caller may see: a manager's teams' reps only
 */
record ChangeFilter(Set<ChangeKind> kinds, String programId, String contactId, SearchScope scope) {

	ChangeFilter {
		kinds = kinds == null ? null : Set.copyOf(kinds);
	}

	boolean accepts(Map<String, String> fields) {
		ChangeKind kind = kindOf(fields);
		if (kind == null || (kinds != null && !kinds.contains(kind))) {
			return false;
		}
		String contact = ChangeLogEntry.contactId(fields);
		if (contact == null || (contactId != null && !contactId.equals(contact))) {
			return false;
		}
		String program = ChangeLogEntry.programId(fields);
		if (programId != null && program != null && !programId.equals(program)) {
			return false;
		}
		return scope.covers(contact);
	}

	/**
	 * The entry's kind; {@code null} when it is missing or one this api does not know (a
	 * newer indexer's, during a rolling upgrade): such entries are skipped, not fatal.
	 */
	private static ChangeKind kindOf(Map<String, String> fields) {
		try {
			return ChangeLogEntry.kind(fields);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

}
