package io.rollcall.indexer.apply;

import io.lettuce.core.StreamMessage;
import io.rollcall.indexer.apply.DecodedEntry.Item;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.removal.ContactRemover;
import io.rollcall.indexer.removal.RemovalOutcome;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies one batch of stream entries and says which of them may be acknowledged.
 *
 * <p>
 * Entries are applied in stream order where order matters: a removal cuts the batch, so
 * events sent before a removal are written (and then deleted by it) and events sent after
 * it are dropped by its tombstone. Between removals, the entries form a run: contacts are
 * upserted first, then programs, then events, each kind in one bulk; then the run is
 * {@linkplain Visibility made searchable and announced}. The stream consumer acknowledges
 * afterwards; a crash anywhere before that re-delivers the entries, and every step is
 * idempotent.
 */
@Component
public class BatchApplier {

	private final EntryDecoder decoder;

	private final DocumentWriter writer;

	private final ContactRemover remover;

	private final Visibility visibility;

	private final Ledger ledger;

	BatchApplier(EntryDecoder decoder, DocumentWriter writer, ContactRemover remover, Visibility visibility,
			Ledger ledger) {
		this.decoder = decoder;
		this.writer = writer;
		this.remover = remover;
		this.visibility = visibility;
		this.ledger = ledger;
	}

	/**
	 * Applies entries of the live stream; returns those that are done (applied, dropped
	 * or dead-lettered). The others had items that stayed unavailable and must stay
	 * pending.
	 */
	public List<DoneEntry> apply(List<StreamMessage<String, String>> messages, Delivery delivery) {
		return apply(messages, false, delivery);
	}

	/**
	 * Applies entries of the backfill stream, exactly as live ones except that they are
	 * left out of the accept-to-visible lag and, by default, of the change log.
	 */
	public List<DoneEntry> applyBackfill(List<StreamMessage<String, String>> messages, Delivery delivery) {
		return apply(messages, true, delivery);
	}

	private List<DoneEntry> apply(List<StreamMessage<String, String>> messages, boolean backfill, Delivery delivery) {
		Tally tally = ledger.open();
		List<DecodedEntry> run = new ArrayList<>();
		for (StreamMessage<String, String> message : messages) {
			DecodedEntry entry;
			try {
				entry = decoder.decode(message, backfill, delivery);
			}
			catch (UndecodableEntryException e) {
				tally.undecodable(message, e.getMessage());
				continue;
			}
			tally.track(entry);
			if (entry.header().kind() == EntryKind.CONTACT_REMOVALS) {
				write(run, tally, backfill);
				run.clear();
				remove(entry, tally, backfill);
			}
			else {
				run.add(entry);
			}
		}
		write(run, tally, backfill);
		return tally.done();
	}

	private void write(List<DecodedEntry> run, Tally tally, boolean backfill) {
		if (run.isEmpty()) {
			return;
		}
		Changes changes = new Changes(backfill);
		List<Item<Contact>> contacts = items(run, Contact.class);
		tally.settle("contacts", contacts, writer.upsertContacts(contacts))
			.forEach(item -> changes.contact(item.entry().tenantId(), item.value().contactId()));
		List<Item<Program>> programs = items(run, Program.class);
		tally.settle("programs", programs, writer.upsertPrograms(programs))
			.forEach(item -> changes.program(item.entry().tenantId(), item.value().programId()));
		List<Item<InteractionEvent>> events = items(run, InteractionEvent.class);
		List<ItemResult> results = writer.writeEvents(events);
		tally.settle("events", events, results);
		for (int i = 0; i < events.size(); i++) {
			changes.event(events.get(i), results.get(i).outcome());
		}
		try {
			Set<String> failed = visibility.makeSearchable(changes);
			tally.unavailable(run.stream().filter(entry -> failed.contains(entry.tenantId())).toList());
		}
		catch (UnavailableException e) {
			tally.unavailable(run);
		}
		visibility.announce(run.stream().map(tally::outcome).toList(), changes);
	}

	/**
	 * Removes the contacts of {@code entry} one after the other; the first that stays
	 * unavailable leaves the entry pending (the removals done so far are idempotent).
	 */
	private void remove(DecodedEntry entry, Tally tally, boolean backfill) {
		Changes changes = new Changes(backfill);
		for (Item<ContactRemoval> item : entry.items(ContactRemoval.class)) {
			RemovalOutcome outcome;
			try {
				outcome = remover.remove(entry.tenantId(), item.value());
			}
			catch (UnavailableException e) {
				tally.removalsUnavailable(entry);
				break;
			}
			tally.removed(entry, outcome);
			if (outcome == RemovalOutcome.REMOVED) {
				changes.removed(entry.tenantId(), item.value().contactId());
			}
		}
		visibility.announce(List.of(tally.outcome(entry)), changes);
	}

	private static <T> List<Item<T>> items(List<DecodedEntry> run, Class<T> type) {
		return run.stream().flatMap(entry -> entry.items(type).stream()).toList();
	}

}
