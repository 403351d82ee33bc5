package io.rollcall.api.changes;

import static io.rollcall.api.changes.ChangeLogFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.error.RollcallException;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.change.ChangeLogEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's live side: it drops what its replay already sent, keeps the log's order,
 * and ends a subscriber that falls behind its buffer after what it holds, telling it
 * where to resume.
 */
class FeedSubscriberTests {

	private static final ChangeFilter EVERYTHING = new ChangeFilter(null, null, null, CannedSearch.tenant("demo"));

	@Test
	void entriesAtOrBeforeWhatTheReplaySentAreDropped() {
		FeedSubscriber subscriber = new FeedSubscriber(EVERYTHING, 100, "10-3");
		subscriber.joinedAt("10-1");
		List<String> received = new ArrayList<>();
		subscriber.entries().subscribe(entry -> received.add(entry.id()));

		for (String id : List.of("10-2", "10-3", "10-4", "11-0")) {
			assertThat(subscriber.offer(entry(id))).isTrue();
		}

		assertThat(received).containsExactly("10-4", "11-0");
	}

	@Test
	void aReaderAheadOfTheReplayIsTheFloor() {
		FeedSubscriber subscriber = new FeedSubscriber(EVERYTHING, 100, "10-1");
		subscriber.joinedAt("10-5");
		List<String> received = new ArrayList<>();
		subscriber.entries().subscribe(entry -> received.add(entry.id()));

		subscriber.offer(entry("10-5"));
		subscriber.offer(entry("10-6"));

		assertThat(received).containsExactly("10-6");
		assertThat(subscriber.joinedAt()).isEqualTo("10-5");
	}

	@Test
	void aSubscriberPastItsBufferIsEndedAfterWhatItHoldsWithItsLastCursor() {
		List<String> received = new ArrayList<>();
		List<Throwable> errors = new ArrayList<>();
		// Nobody takes what is offered: a consumer that cannot keep up.
		FeedSubscriber lagging = new FeedSubscriber(EVERYTHING, 3, null);
		lagging.joinedAt("10-0");

		List<Boolean> offered = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			offered.add(lagging.offer(entry("10-" + i)));
		}
		lagging.entries().subscribe(entry -> received.add(entry.id()), errors::add);

		assertThat(offered).containsExactly(true, true, true, false, false);
		assertThat(received).containsExactly("10-1", "10-2", "10-3");
		assertThat(errors).singleElement().isInstanceOfSatisfying(RollcallException.class, error -> {
			assertThat(error.code().name()).isEqualTo("SLOW_CONSUMER");
			assertThat(error.details()).containsEntry("lastCursor", ChangeCursor.encode("10-3"));
		});
	}

	private static LoggedEntry entry(String id) {
		return new LoggedEntry(id, ChangeLogEntry.fields(event("e-" + id, "rep-1", "p-1")));
	}

}
