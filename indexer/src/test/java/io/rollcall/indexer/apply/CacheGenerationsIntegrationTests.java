package io.rollcall.indexer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.GenerationFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The api's dashboard cache keys answers by the cache generations the indexer bumps: each
 * run moves exactly the fields of what it changed, and has moved them by the time its
 * writer is told the run is visible (read here right after the applied notice).
 */
@DevStackTest
class CacheGenerationsIntegrationTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private static final String PROGRAM_1 = GenerationFields.program("prog-1");

	private static final String PROGRAM_2 = GenerationFields.program("prog-2");

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
	void eachRunMovesTheGenerationsOfWhatItChangedBeforeItsWriterIsTold() {
		indexer.apply(EntryKind.EVENTS, "acme", List.of(started("e1", "c1", "prog-1")));
		Map<String, Long> afterEvents = generations("acme");
		assertThat(afterEvents).containsOnlyKeys(PROGRAM_1, GenerationFields.EVENTS);

		indexer.apply(EntryKind.EVENTS, "acme", List.of(started("e2", "c2", "prog-2")));
		Map<String, Long> afterProgram2 = generations("acme");
		assertThat(afterProgram2).containsEntry(PROGRAM_1, afterEvents.get(PROGRAM_1));
		assertThat(afterProgram2.get(PROGRAM_2)).isPositive();
		assertThat(afterProgram2.get(GenerationFields.EVENTS)).isGreaterThan(afterEvents.get(GenerationFields.EVENTS));

		indexer.apply(EntryKind.PROGRAMS, "acme", List.of(new Program("prog-1", "Onboarding", List.of("l-1"), null)));
		Map<String, Long> afterCatalog = generations("acme");
		assertThat(afterCatalog.get(PROGRAM_1)).isGreaterThan(afterProgram2.get(PROGRAM_1));
		assertThat(afterCatalog).containsEntry(PROGRAM_2, afterProgram2.get(PROGRAM_2))
			.containsEntry(GenerationFields.EVENTS, afterProgram2.get(GenerationFields.EVENTS))
			.doesNotContainKey(GenerationFields.CONTACTS);

		indexer.apply(EntryKind.CONTACTS, "acme", List.of(new Contact("c1", "Ada", null, "team-1", null, null, 1L)));
		Map<String, Long> afterContact = generations("acme");
		assertThat(afterContact.get(GenerationFields.CONTACTS)).isPositive();
		assertThat(afterContact).containsEntry(PROGRAM_1, afterCatalog.get(PROGRAM_1))
			.containsEntry(PROGRAM_2, afterCatalog.get(PROGRAM_2));

		indexer.apply(EntryKind.CONTACT_REMOVALS, "acme", List.of(new ContactRemoval("c2", 0)));
		assertThat(generations("acme").get(GenerationFields.CONTACTS))
			.isGreaterThan(afterContact.get(GenerationFields.CONTACTS));
		assertThat(generations("other")).isEmpty();
	}

	private Map<String, Long> generations(String tenantId) {
		Map<String, Long> values = new TreeMap<>();
		indexer.redis.hgetall(indexer.keys.cacheGenerations(tenantId))
			.forEach((field, value) -> values.put(field, Long.parseLong(value)));
		return values;
	}

	private static InteractionEvent started(String id, String contactId, String programId) {
		return new InteractionEvent(id, contactId, programId, "l-1", EventType.LESSON_STARTED, AT, null, null, null,
				null, null, null);
	}

}
