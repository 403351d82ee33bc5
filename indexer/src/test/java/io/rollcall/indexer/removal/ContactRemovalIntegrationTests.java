package io.rollcall.indexer.removal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.ProgressDocument;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DevStackTest
class ContactRemovalIntegrationTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private IndexerHarness indexer;

	@BeforeEach
	void start(DevStack stack) {
		indexer = IndexerHarness.start(stack);
	}

	@AfterEach
	void stop() {
		indexer.close();
	}

	@Test
	void aRemovedContactLosesItsEventsAndRollupsAndLateEventsAreDropped() {
		indexer.apply(EntryKind.CONTACTS, "acme", List.of(contact("gone", 3), contact("stays", 1)));
		indexer.apply(EntryKind.EVENTS, "acme", events("gone", 0, 500));
		indexer.apply(EntryKind.EVENTS, "acme", events("stays", 0, 10));
		assertThat(indexer.countEvents("acme")).isEqualTo(510);
		assertThat(indexer.get(indexer.names.progress(), "acme", ProgressDocument.id("acme", "prog-1", "gone")).found())
			.isTrue();

		AppliedNotice removal = indexer.apply(EntryKind.CONTACT_REMOVALS, "acme",
				List.of(new ContactRemoval("gone", 0)));

		// What the notice promises, without any refresh by the test.
		assertThat(removal.applied()).isTrue();
		assertThat(indexer.countEvents("acme")).isEqualTo(10);
		assertThat(indexer.get(indexer.names.contacts(), "acme", ContactDocument.id("acme", "gone")).source())
			.containsEntry(ContactDocument.STATUS, "REMOVED")
			.containsEntry(ContactDocument.VERSION, 4)
			.doesNotContainKey(ContactDocument.NAME);
		assertThat(indexer.count(indexer.names.progress(), "acme", Query.of(q -> q.matchAll(m -> m)))).isEqualTo(1);
		assertThat(indexer.changes)
			.anySatisfy(change -> assertThat(change.removedContactIds()).containsExactly("gone"));

		AppliedNotice late = indexer.apply(EntryKind.EVENTS, "acme", events("gone", 500, 50));

		assertThat(late.items()).isZero();
		assertThat(late.reason()).contains("50 item(s) dropped");
		assertThat(indexer.countEvents("acme")).isEqualTo(10);
		assertThat(indexer.count(indexer.names.events(), "acme",
				Query.of(q -> q.term(t -> t.field("contact_id").value("gone")))))
			.isZero();
		assertThat(indexer.get(indexer.names.progress(), "acme", ProgressDocument.id("acme", "prog-1", "gone")).found())
			.isFalse();
		assertThat(indexer.counter("rollcall.ingest.events", "kind", "events", "outcome", "dropped")).isEqualTo(50);
	}

	@Test
	void aNewerContactVersionLiftsTheTombstoneAndAnOlderOneDoesNot() {
		indexer.apply(EntryKind.CONTACT_REMOVALS, "acme", List.of(new ContactRemoval("back", 5)));

		indexer.apply(EntryKind.CONTACTS, "acme", List.of(contact("back", 4)));
		indexer.apply(EntryKind.EVENTS, "acme", events("back", 0, 3));
		assertThat(indexer.countEvents("acme")).isZero();

		indexer.apply(EntryKind.CONTACTS, "acme", List.of(contact("back", 6)));
		indexer.apply(EntryKind.EVENTS, "acme", events("back", 3, 3));
		assertThat(indexer.countEvents("acme")).isEqualTo(3);
		assertThat(indexer.get(indexer.names.contacts(), "acme", ContactDocument.id("acme", "back")).source())
			.containsEntry(ContactDocument.STATUS, "ACTIVE");
	}

	@Test
	void eventsBeforeARemovalInTheSameBatchAreRemovedAndEventsAfterItAreDropped() {
		String before = indexer.send(EntryKind.EVENTS, "acme", events("mixed", 0, 5));
		String removal = indexer.send(EntryKind.CONTACT_REMOVALS, "acme", List.of(new ContactRemoval("mixed", 0)));
		String after = indexer.send(EntryKind.EVENTS, "acme", events("mixed", 5, 5));

		indexer.awaitApplied(before);
		indexer.awaitApplied(removal);
		assertThat(indexer.awaitApplied(after).items()).isZero();
		assertThat(indexer.countEvents("acme")).isZero();
	}

	private static Contact contact(String id, long version) {
		return new Contact(id, "Rep " + id, id + "@acme.example", "team-1", "mgr-1", null, version);
	}

	private static List<InteractionEvent> events(String contactId, int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj(i -> new InteractionEvent(contactId + "-ev-" + i, contactId, "prog-1", "lesson-" + (i % 5),
					EventType.VIDEO_PROGRESS, AT.plusSeconds(i), i % 8, null, null, null, null, null))
			.toList();
	}

}
