package io.rollcall.indexer.stream;

import io.lettuce.core.StreamMessage;
import io.rollcall.indexer.apply.DoneEntry;
import io.rollcall.indexer.backfill.BackfillProgress;
import io.rollcall.indexer.backfill.BackfillThrottle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What reading the backfill stream adds to reading the live one: the rate cap, and
 * acknowledging through the load's progress (acknowledged entries are deleted and their
 * events counted into the load, see {@link BackfillProgress}).
 */
@Component
class BackfillFeed {

	private final BackfillThrottle throttle;

	private final BackfillProgress progress;

	BackfillFeed(BackfillThrottle throttle, BackfillProgress progress) {
		this.throttle = throttle;
		this.progress = progress;
	}

	/** How many backfill items may be read now. */
	long allowance() {
		return throttle.allowance();
	}

	/** Pays for {@code batch}, just read. */
	void read(List<StreamMessage<String, String>> batch) {
		throttle.consumed(Source.itemsIn(batch));
	}

	/** Acknowledges the entries of {@code batch} that are {@code done}. */
	void acknowledge(ConsumerGroup group, List<StreamMessage<String, String>> batch, List<DoneEntry> done) {
		Map<String, StreamMessage<String, String>> byId = batch.stream()
			.collect(Collectors.toMap(StreamMessage::getId, Function.identity(), (first, again) -> first));
		progress.acknowledge(group.stream(), group.group(), done.stream().map(entry -> {
			Map<String, String> fields = byId.get(entry.streamId()).getBody();
			return new BackfillProgress.AppliedEntry(entry.streamId(),
					fields == null ? null : fields.get(BackfillProgress.ENTRY_FIELD), entry.items());
		}).toList());
	}

}
