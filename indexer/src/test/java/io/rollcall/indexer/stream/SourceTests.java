package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.StreamMessage;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.StreamEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTests {

	private final Source source = new Source("live", null, false);

	@Test
	void countsTheItemsEachEntryDeclaresWithoutDecodingIt() {
		assertThat(Source.itemsIn(List.of(entry("1-0", 250), entry("2-0", 1)))).isEqualTo(251);
	}

	@Test
	void anEntryDeletedSinceItWasReadCountsAsOneAndAnUndeclaredOneAsTheMostAnEntryHeld() {
		StreamMessage<String, String> deleted = new StreamMessage<>("live", "1-0", null);
		StreamMessage<String, String> undeclared = new StreamMessage<>("live", "2-0",
				Map.of("kind", "EVENTS", "tenant", "acme", "accepted_at", "1", "body", "[{}]"));

		assertThat(Source.itemsIn(List.of(deleted, undeclared))).isEqualTo(1 + StreamEntry.UNDECLARED_ITEMS);
	}

	@Test
	void readsOneEntryFirstThenAsManyAsTheLastReadSuggests() {
		assertThat(source.entriesFor(5_000)).isEqualTo(1);

		assertThat(source.learn(List.of(entry("1-0", 1_000)))).isEqualTo(1_000);
		assertThat(source.entriesFor(5_000)).isEqualTo(5);

		source.learn(List.of(entry("2-0", 1), entry("3-0", 1)));
		assertThat(source.entriesFor(5_000)).isEqualTo(5_000);
		assertThat(source.entriesFor(0)).isEqualTo(1);
	}

	private static StreamMessage<String, String> entry(String id, int items) {
		return new StreamMessage<>("live", id,
				new StreamEntry(EntryKind.EVENTS, "acme", null, Instant.EPOCH, items, "[]", null).toFields());
	}

}
