package io.rollcall.schema.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamEntryTests {

	private static final StreamEntry ENTRY = new StreamEntry(EntryKind.EVENTS, "acme", "ticket-1",
			Instant.ofEpochMilli(1_700_000_000_000L), 2, "[{},{}]",
			"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

	@Test
	void anEntryReadsBackAsItWasWrittenWithItsItemCount() {
		Map<String, String> fields = ENTRY.toFields();

		assertThat(fields).containsEntry("items", "2");
		assertThat(StreamEntry.fromFields(fields)).isEqualTo(ENTRY);
		assertThat(StreamEntry.declaredItems(fields)).isEqualTo(2);
		assertThat(StreamEntry.traceParent(fields))
			.contains(new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true));
	}

	@Test
	void anEntryWithoutTraceContextHasNone() {
		Map<String, String> fields = new HashMap<>(ENTRY.toFields());
		fields.remove("traceparent");

		assertThat(StreamEntry.fromFields(fields).traceparent()).isNull();
		assertThat(StreamEntry.traceParent(fields)).isEmpty();
		fields.put("traceparent", "garbage");
		assertThat(StreamEntry.traceParent(fields)).as("an odd value never fails the entry").isEmpty();
	}

	@Test
	void anEntryWrittenWithoutItsCountCountsAsTheMostAnEntryHeld() {
		Map<String, String> fields = new HashMap<>(ENTRY.toFields());
		fields.remove("items");

		assertThat(StreamEntry.declaredItems(fields)).isEqualTo(StreamEntry.UNDECLARED_ITEMS);
		assertThat(StreamEntry.fromFields(fields).items()).isEqualTo(StreamEntry.UNDECLARED_ITEMS);
		fields.put("items", "many");
		assertThat(StreamEntry.declaredItems(fields)).isEqualTo(StreamEntry.UNDECLARED_ITEMS);
	}

}
