package io.rollcall.indexer.apply;

import io.rollcall.schema.event.InteractionEvent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * What a run of entries (or one removal entry) changed, tenant by tenant: what the
 * rollups must be recomputed for, and what the change notices announce.
 */
final class Changes {

	private final Map<String, Change> byTenant = new TreeMap<>();

	/** A contact document of {@code tenantId} was written. */
	void contact(String tenantId, String contactId) {
		change(tenantId).contacts.add(contactId);
	}

	/**
	 * A program of {@code tenantId}'s catalog was written: it changes compliance and
	 * lesson lists, so the tenant's generation must move, or the api's dashboard cache
	 * would keep answering without it.
	 */
	void program(String tenantId) {
		change(tenantId);
	}

	/**
	 * An event of {@code tenantId} landed: its contact's rollup in its program is stale.
	 */
	void event(String tenantId, InteractionEvent event) {
		Change change = change(tenantId);
		change.contactsByProgram.computeIfAbsent(event.programId(), program -> new HashSet<>()).add(event.contactId());
		change.contacts.add(event.contactId());
	}

	/** A contact of {@code tenantId} was removed. */
	void removed(String tenantId, String contactId) {
		change(tenantId).removed.add(contactId);
	}

	/** Whether some event landed, that is, some rollup must be recomputed. */
	boolean hasEvents() {
		return byTenant.values().stream().anyMatch(change -> !change.contactsByProgram.isEmpty());
	}

	void forEach(BiConsumer<String, Change> action) {
		byTenant.forEach(action);
	}

	Set<String> tenants() {
		return byTenant.keySet();
	}

	private Change change(String tenantId) {
		return byTenant.computeIfAbsent(tenantId, tenant -> new Change());
	}

	/** What changed for one tenant. */
	static final class Change {

		final Map<String, Set<String>> contactsByProgram = new LinkedHashMap<>();

		final Set<String> contacts = new TreeSet<>();

		final Set<String> removed = new HashSet<>();

	}

}
