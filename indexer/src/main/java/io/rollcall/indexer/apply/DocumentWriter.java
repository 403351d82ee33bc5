package io.rollcall.indexer.apply;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.rollcall.indexer.apply.DecodedEntry.Item;
import io.rollcall.indexer.bulk.BulkWriter;
import io.rollcall.indexer.bulk.ItemResult;
import io.rollcall.indexer.events.EventWriter;
import io.rollcall.indexer.events.TenantEvent;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.program.ProgramDocument;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes the items of a run of entries, each kind in one bulk; every result list is
 * parallel to its items. Contacts are versioned by their own version ({@code external}),
 * so a re-delivered or older contact is already applied. Programs are versioned by the
 * time the api accepted them ({@code external_gte}): of two upserts of one program the
 * later accepted wins, whichever replica applies it last, and re-applying the same entry
 * after a crash is allowed. Events go through the {@link EventWriter} and its tombstone
 * checks.
 */
@Component
class DocumentWriter {

	private final BulkWriter bulk;

	private final EventWriter events;

	private final IndexNames names;

	private final Clock clock = Clock.systemUTC();

	DocumentWriter(BulkWriter bulk, EventWriter events, IndexNames names) {
		this.bulk = bulk;
		this.events = events;
		this.names = names;
	}

	List<ItemResult> upsertContacts(List<Item<Contact>> items) {
		return items.isEmpty() ? List.of() : bulk.write("contacts", items.stream().map(this::upsertContact).toList());
	}

	List<ItemResult> upsertPrograms(List<Item<Program>> items) {
		return items.isEmpty() ? List.of() : bulk.write("programs", items.stream().map(this::upsertProgram).toList());
	}

	List<ItemResult> writeEvents(List<Item<InteractionEvent>> items) {
		return events.write(items.stream()
			.map(item -> new TenantEvent(item.entry().tenantId(), item.value(), item.entry().header().acceptedAt()))
			.toList());
	}

	private BulkOperation upsertContact(Item<Contact> item) {
		String tenantId = item.entry().tenantId();
		Contact contact = item.value();
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.contacts())
			.id(ContactDocument.id(tenantId, contact.contactId()))
			.routing(tenantId)
			.version(contact.version())
			.versionType(VersionType.External)
			.document(ContactDocument.source(tenantId, contact, clock.instant()))));
	}

	private BulkOperation upsertProgram(Item<Program> item) {
		String tenantId = item.entry().tenantId();
		Program program = item.value();
		return BulkOperation.of(operation -> operation.index(index -> index.index(names.programs())
			.id(ProgramDocument.id(tenantId, program.programId()))
			.routing(tenantId)
			.version(item.entry().header().acceptedAt().toEpochMilli())
			.versionType(VersionType.ExternalGte)
			.document(ProgramDocument.source(tenantId, program, clock.instant()))));
	}

}
