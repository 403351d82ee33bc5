package io.rollcall.indexer.apply;

import io.rollcall.indexer.apply.DecodedEntry.Item;
import io.rollcall.indexer.bulk.ItemResult.Outcome;
import io.rollcall.indexer.changelog.TenantChanges;
import io.rollcall.indexer.progress.Rollup;
import io.rollcall.schema.event.InteractionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * What a run of entries (or one removal entry) changed, tenant by tenant: what the
 * rollups must be recomputed for, what the change log records and what the change notices
 * announce.
 */
final class Changes {

	private final Map<String, Change> byTenant = new TreeMap<>();

	private final boolean backfill;

	/**
	 * @param backfill the run was read from the backfill stream
	 */
	Changes(boolean backfill) {
		this.backfill = backfill;
	}

	boolean backfill() {
		return backfill;
	}

	/** A contact document of {@code tenantId} was written. */
	void contact(String tenantId, String contactId) {
		change(tenantId).contacts.add(contactId);
	}

	/**
	 * A program of {@code tenantId}'s catalog was written: it changes compliance and
	 * lesson lists, so the tenant's generation must move, or the api's dashboard cache
	 * would keep answering without it.
	 */
	void program(String tenantId, String programId) {
		change(tenantId).programs.add(programId);
	}

	/**
	 * An event of a run was written with {@code outcome}. One that is now in the index
	 * makes its contact's rollup in its program stale. A new one, or a correction, is a
	 * change to log; one already there is, when its entry is read again, a change the
	 * delivery before may not have logged.
	 */
	void event(Item<InteractionEvent> item, Outcome outcome) {
		if (!outcome.landed()) {
			return;
		}
		InteractionEvent event = item.value();
		Change change = change(item.entry().tenantId());
		change.contactsByProgram.computeIfAbsent(event.programId(), program -> new HashSet<>()).add(event.contactId());
		change.contacts.add(event.contactId());
		if (outcome == Outcome.APPLIED) {
			change.applied.add(event);
		}
		else if (outcome == Outcome.ALREADY_APPLIED && item.entry().delivery() == Delivery.AGAIN) {
			change.reapplied.add(event);
		}
	}

	/** A contact of {@code tenantId} was removed. */
	void removed(String tenantId, String contactId) {
		change(tenantId).removed.add(contactId);
	}

	/** The rollups recomputed for {@code tenantId}, under {@code generation}. */
	void rollups(String tenantId, long generation, List<Rollup> rollups) {
		Change change = change(tenantId);
		change.generation = generation;
		change.rollups.addAll(rollups);
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

		final Set<String> programs = new LinkedHashSet<>();

		final List<InteractionEvent> applied = new ArrayList<>();

		final List<InteractionEvent> reapplied = new ArrayList<>();

		final List<Rollup> rollups = new ArrayList<>();

		long generation;

		/** This change, as the change log of {@code tenantId} records it. */
		TenantChanges toLog(String tenantId) {
			return new TenantChanges(tenantId, applied, reapplied, rollups, generation, programs, contacts, removed);
		}

	}

}
