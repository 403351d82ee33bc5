package io.rollcall.indexer.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.IngestKeys;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

@DevStackTest
class BackfillIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	/** Line number (1-based) to an invalid line, and the field its error names. */
	private static final Map<Integer, String[]> INVALID = new TreeMap<>(Map.of(7,
			new String[] { "{\"eventId\":\"x\",", null }, 1_000,
			new String[] {
					"{\"eventId\":\"bad-type\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_LOST\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
					"type" },
			5_001,
			new String[] {
					"{\"eventId\":\"no-contact\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
					"contactId" },
			12_345,
			new String[] {
					"{\"eventId\":\"old\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"1970-01-01T00:00:00Z\"}",
					"occurredAt" },
			20_000,
			new String[] {
					"{\"eventId\":\"no-lesson\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"LESSON_STARTED\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
					"lessonId" },
			25_000,
			new String[] {
					"{\"eventId\":\"bad id!\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
					"eventId" },
			30_000,
			new String[] {
					"{\"eventId\":\"extra\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"colour\":\"red\"}",
					"colour" },
			40_000,
			new String[] {
					"{\"eventId\":\"seg\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"segment\":-1}",
					"segment" },
			45_000, new String[] { "[1,2]", null }, 49_999,
			new String[] {
					"{\"eventId\":\"score\",\"contactId\":\"c1\",\"programId\":\"p\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"score\":101}",
					"score" }));

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aFileIsLoadedExceptItsInvalidLinesWhichAreReportedWithLineAndField(DevStack stack, @TempDir Path dir)
			throws IOException {
		Path file = writeFile(dir, 50_000);
		try (IndexerHarness indexer = IndexerHarness.start(stack)) {
			int exit = BackfillCommand.run(arguments(stack, file, "history-1", "acme"));

			assertThat(exit).isZero();
			BackfillProgress progress = indexer.context.getBean(BackfillProgress.class);
			await().atMost(TIMEOUT).until(() -> progress.status("history-1").orElseThrow().isDone());
			BackfillStatus status = progress.status("history-1").orElseThrow();
			assertThat(status.total()).isEqualTo(50_000);
			assertThat(status.enqueued()).isEqualTo(49_990);
			assertThat(status.applied()).isEqualTo(49_990);
			assertThat(status.errors()).isEqualTo(10);
			assertThat(status.done()).isEqualTo(status.total());
			assertThat(status.eventsPerSecond()).isPositive();
			assertThat(indexer.countEvents("acme")).isEqualTo(49_990);
			assertThat(indexer.counter("rollcall.indexer.backfill.events")).isEqualTo(49_990);
			List<LineError> listed = indexer.redis.lrange(indexer.keys.backfillErrors("history-1"), 0, -1)
				.stream()
				.map(error -> json.readValue(error, LineError.class))
				.toList();
			assertThat(listed).extracting(LineError::line)
				.isSubsetOf(INVALID.keySet().stream().map(Integer::longValue).toList())
				.hasSizeGreaterThanOrEqualTo(10);
			INVALID.forEach((line, invalid) -> {
				if (invalid[1] != null) {
					assertThat(listed).as("line " + line).anySatisfy(error -> {
						assertThat(error.line()).isEqualTo(line.longValue());
						assertThat(error.field()).isEqualTo(invalid[1]);
					});
				}
			});
			// Applied entries are deleted: the backfill stream only holds work left.
			assertThat(indexer.redis.xlen(indexer.keys.backfillStream())).isZero();
		}
	}

	@Test
	void aLoadThatStoppedHalfwayResumesAfterItsLastLineAndEndsExact(DevStack stack, @TempDir Path dir)
			throws IOException {
		Path file = writeFile(dir, 20_000);
		IngestKeys keys = new IngestKeys(stack.redisKeyPrefix());
		RedisClients clients = RedisClients.forUrl(stack.redisUrl());
		RedisConnector client = clients.create();
		// No indexer yet: the loader fills its queue of 5 entries, waits 1 s for room and
		// gives up.
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			BackfillLoader loader = new BackfillLoader(client, keys, validation.getValidator(),
					new BackfillProperties.Load(null, null, null, 1_000, 5, Duration.ofSeconds(1), 1_000),
					Clock.systemUTC());
			assertThatThrownBy(() -> loader.load(file, "history-2", "acme"))
				.isInstanceOf(BackfillStalledException.class)
				.hasMessageContaining("stopped after line");
		}
		finally {
			client.shutdown();
			clients.destroy();
		}
		try (IndexerHarness indexer = IndexerHarness.start(stack)) {
			BackfillProgress progress = indexer.context.getBean(BackfillProgress.class);
			BackfillStatus stopped = progress.status("history-2").orElseThrow();
			assertThat(stopped.enqueued()).isEqualTo(5_000);
			assertThat(stopped.lastLine()).isBetween(5_000L, 5_010L);
			assertThat(stopped.loadedAt()).isNull();

			assertThat(BackfillCommand.run(arguments(stack, file, "history-2", "acme"))).isZero();

			await().atMost(TIMEOUT).until(() -> progress.status("history-2").orElseThrow().isDone());
			BackfillStatus status = progress.status("history-2").orElseThrow();
			int invalid = (int) INVALID.keySet().stream().filter(line -> line <= 20_000).count();
			assertThat(status.enqueued()).isEqualTo(20_000 - invalid);
			assertThat(status.applied()).isEqualTo(20_000 - invalid);
			assertThat(status.errors()).isEqualTo(invalid);
			assertThat(indexer.countEvents("acme")).isEqualTo(20_000 - invalid);
		}
	}

	@Test
	void liveWritesAreAppliedWhileABackfillIsStillRunning(DevStack stack, @TempDir Path dir) throws IOException {
		Path file = writeFile(dir, 10_000);
		try (IndexerHarness indexer = IndexerHarness.start(stack,
				Map.of("rollcall.indexer.backfill.max-events-per-second", "2000"))) {
			assertThat(BackfillCommand.run(arguments(stack, file, "history-3", "acme"))).isZero();
			BackfillProgress progress = indexer.context.getBean(BackfillProgress.class);
			await().atMost(TIMEOUT).until(() -> progress.status("history-3").orElseThrow().applied() > 0);

			AppliedNotice live = indexer.apply(EntryKind.EVENTS, "globex", IndexerHarness.smsEvents("live", "c1", 10));

			BackfillStatus whenLiveApplied = progress.status("history-3").orElseThrow();
			assertThat(live.applied()).isTrue();
			assertThat(whenLiveApplied.isDone()).as("backfill done before the live write").isFalse();
			await().atMost(TIMEOUT).until(() -> progress.status("history-3").orElseThrow().isDone());
			assertThat(indexer.countEvents("acme")).isEqualTo(10_000 - 3);
		}
	}

	/**
	 * {@code lines} lines of SMS events of 100 contacts, with the {@link #INVALID} lines
	 * in place.
	 */
	private Path writeFile(Path dir, int lines) throws IOException {
		Path file = dir.resolve("history.ndjson");
		List<InteractionEvent> events = IndexerHarness.smsEvents("h", "c", lines);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int line = 1; line <= lines; line++) {
				String[] invalid = INVALID.get(line);
				InteractionEvent event = events.get(line - 1);
				writer.write(invalid != null ? invalid[0]
						: json.writeValueAsString(new InteractionEvent(event.eventId(), "c" + line % 100,
								event.programId(), null, event.type(), event.occurredAt(), null, null, null, null,
								event.revision(), null)));
				writer.newLine();
			}
		}
		return file;
	}

	private static String[] arguments(DevStack stack, Path file, String id, String tenant) {
		return new String[] { "--rollcall.redis.url=" + stack.redisUrl(),
				"--rollcall.redis.key-prefix=" + stack.redisKeyPrefix(),
				"--rollcall.indexer.backfill.load.file=" + file, "--rollcall.indexer.backfill.load.id=" + id,
				"--rollcall.indexer.backfill.load.tenant=" + tenant };
	}

}
