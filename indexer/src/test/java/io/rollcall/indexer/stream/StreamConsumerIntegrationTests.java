package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.stream.EntryKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DevStackTest
class StreamConsumerIntegrationTests {

	private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

	private IndexerHarness indexer;

	@AfterEach
	void stop() {
		if (indexer != null) {
			indexer.close();
		}
	}

	@Test
	void entriesReadByAReplicaThatDiedAreClaimedAndAppliedByAnother(DevStack stack) {
		indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.claim-idle", "1s"));
		// Stop this replica's consumer loop: the "dead replica" below must be the only
		// reader first.
		indexer.context.getBean(StreamConsumer.class).stop();
		String ticket = indexer.send(EntryKind.EVENTS, "acme", List.of(event("orphan")));
		@SuppressWarnings("unchecked")
		List<StreamMessage<String, String>> read = indexer.redis.xreadgroup(
				Consumer.from(indexer.keys.consumerGroup(), "dead-replica"),
				XReadArgs.StreamOffset.lastConsumed(indexer.keys.liveStream()));
		assertThat(read).hasSize(1);
		assertThat(indexer.pendingCount()).isEqualTo(1);

		indexer.context.getBean(StreamConsumer.class).start();

		assertThat(indexer.awaitApplied(ticket).applied()).isTrue();
		assertThat(indexer.countEvents("acme")).isEqualTo(1);
		assertThat(indexer.pendingCount()).isZero();
	}

	@Test
	void theConsumerGroupIsCreatedAgainWhenRedisLosesIt(DevStack stack) {
		indexer = IndexerHarness.start(stack);
		indexer.apply(EntryKind.EVENTS, "acme", List.of(event("before")));

		indexer.redis.flushall();

		assertThat(indexer.apply(EntryKind.EVENTS, "acme", List.of(event("after"))).applied()).isTrue();
		assertThat(indexer.countEvents("acme")).isEqualTo(2);
	}

	@Test
	void consumersOfReplicasThatAreGoneAreDeletedFromTheGroup(DevStack stack) {
		indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.forget-consumers-after", "1s"));
		indexer.redis.xgroupCreateconsumer(indexer.keys.liveStream(),
				Consumer.from(indexer.keys.consumerGroup(), "gone-replica"));
		assertThat(consumers(indexer)).contains("gone-replica");

		await().atMost(Duration.ofSeconds(30)).until(() -> !consumers(indexer).contains("gone-replica"));
		// This replica's own loops read all the time: they stay.
		assertThat(consumers(indexer)).hasSize(2);
	}

	@Test
	void whatTheGroupAcknowledgedIsTrimmedFromTheStreamAndWhatIsPendingStays(DevStack stack) {
		indexer = IndexerHarness.start(stack, Map.of("rollcall.indexer.claim-idle", "10m"));
		assertThat(indexer.apply(EntryKind.EVENTS, "acme", List.of(event("before"))).applied()).isTrue();
		indexer.context.getBean(StreamConsumer.class).stop();
		indexer.send(EntryKind.EVENTS, "acme", List.of(event("orphan")));
		@SuppressWarnings("unchecked")
		List<StreamMessage<String, String>> read = indexer.redis.xreadgroup(
				Consumer.from(indexer.keys.consumerGroup(), "dead-replica"),
				XReadArgs.StreamOffset.lastConsumed(indexer.keys.liveStream()));
		String orphan = read.getFirst().getId();
		indexer.context.getBean(StreamConsumer.class).start();
		assertThat(indexer.apply(EntryKind.EVENTS, "acme", List.of(event("after"))).applied()).isTrue();

		// "before" is acknowledged and below the pending "orphan": trimmed. "orphan" is
		// pending (a dead replica's, not claimable for 10 minutes) and stays, and so does
		// everything after it.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> indexer.redis.xrange(indexer.keys.liveStream(), Range.create("-", "+")).size() == 2);
		assertThat(indexer.redis.xrange(indexer.keys.liveStream(), Range.create("-", "+")).getFirst().getId())
			.isEqualTo(orphan);
		assertThat(indexer.pendingCount()).isEqualTo(1);
	}

	private static List<String> consumers(IndexerHarness indexer) {
		return indexer.redis.xinfoConsumers(indexer.keys.liveStream(), indexer.keys.consumerGroup())
			.stream()
			.map(info -> (List<?>) info)
			.map(fields -> String.valueOf(fields.get(fields.indexOf("name") + 1)))
			.toList();
	}

	private static InteractionEvent event(String id) {
		return new InteractionEvent(id, "c1", "prog-1", "lesson-1", EventType.LESSON_STARTED, AT, null, null, null,
				null, null, null);
	}

}
