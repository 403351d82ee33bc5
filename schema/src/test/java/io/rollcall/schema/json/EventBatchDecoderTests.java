package io.rollcall.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.schema.event.EventContract;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventBatchDecoderTests {

	private static ValidatorFactory validation;

	private static BatchDecoder<InteractionEvent> decoder;

	@BeforeAll
	static void createDecoder() {
		validation = Validation.buildDefaultValidatorFactory();
		Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
		decoder = EventContract.decoder(validation.getValidator(), clock);
	}

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@Test
	void decodesAJsonArray() {
		DecodedBatch<InteractionEvent> batch = decode("""
				[{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"LESSON_STARTED",
				  "occurredAt":"2026-06-01T09:00:00Z"},
				 {"eventId":"e2","contactId":"c1","programId":"p1","lessonId":"l1","type":"QUIZ_ANSWERED",
				  "occurredAt":"2026-06-01T09:01:00Z","questionId":"q1","correct":true,"score":100,
				  "revision":2,"attributes":{"channel":"sms"}}]
				""", BatchFormat.JSON_ARRAY);

		assertThat(batch.violations()).isEmpty();
		assertThat(batch.items()).extracting(InteractionEvent::eventId).containsExactly("e1", "e2");
		assertThat(batch.items().get(1).type()).isEqualTo(EventType.QUIZ_ANSWERED);
		assertThat(batch.items().get(1).effectiveRevision()).isEqualTo(2);
		assertThat(batch.items().get(0).effectiveRevision()).isZero();
	}

	@Test
	void decodesNdjsonAndSkipsBlankLines() {
		DecodedBatch<InteractionEvent> batch = decode(
				"""
						{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}

						{"eventId":"e2","contactId":"c2","programId":"p1","type":"SMS_CLICKED","occurredAt":"2026-06-01T09:00:00Z"}
						""",
				BatchFormat.NDJSON);

		assertThat(batch.isValid()).isTrue();
		assertThat(batch.items()).hasSize(2);
	}

	@Test
	void namesTheItemAndFieldOfEveryProblem() {
		DecodedBatch<InteractionEvent> batch = decode(
				"""
						[{"eventId":"ok","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"},
						 {"eventId":"e2","contactId":"c1","programId":"p1","type":"TELEPORTED","occurredAt":"2026-06-01T09:00:00Z"},
						 {"eventId":"e3","contactId":"c1","programId":"p1","type":"QUIZ_ANSWERED","lessonId":"l1",
						  "occurredAt":"2026-06-01T09:00:00Z"},
						 {"eventId":"e4","contactId":"c 1","programId":"p1","type":"SMS_SENT","occurredAt":"yesterday"},
						 {"eventId":"e5","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z",
						  "tenantId":"other"},
						 {"eventId":"e6","programId":"p1","type":"SMS_SENT","occurredAt":"2030-01-01T00:00:00Z","segment":"x"},
						 {"eventId":"e7","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2036-01-01T00:00:00Z"}]
						""",
				BatchFormat.JSON_ARRAY);

		assertThat(batch.isValid()).isFalse();
		assertThat(batch.violations()).extracting(Violation::index, Violation::itemId, Violation::field)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, "e2", "type"),
					org.assertj.core.groups.Tuple.tuple(2, "e3", "questionId"),
					org.assertj.core.groups.Tuple.tuple(2, "e3", "correct"),
					org.assertj.core.groups.Tuple.tuple(3, "e4", "occurredAt"),
					org.assertj.core.groups.Tuple.tuple(4, "e5", "tenantId"),
					org.assertj.core.groups.Tuple.tuple(5, "e6", "segment"),
					org.assertj.core.groups.Tuple.tuple(6, "e7", "occurredAt"));
		assertThat(batch.violations().get(0).message()).contains("TELEPORTED", "LESSON_STARTED");
		assertThat(batch.violations()).filteredOn(v -> "tenantId".equals(v.field()))
			.extracting(Violation::message)
			.containsExactly("unknown field");
	}

	@Test
	void reportsMissingRequiredFieldsAfterBinding() {
		DecodedBatch<InteractionEvent> batch = decode("""
				[{"eventId":"e1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}]
				""", BatchFormat.JSON_ARRAY);

		assertThat(batch.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("contactId"));
	}

	@Test
	void reportsBrokenSyntaxWithItsLocation() {
		DecodedBatch<InteractionEvent> array = decode("[{\"eventId\": \"e1\",,}]", BatchFormat.JSON_ARRAY);
		DecodedBatch<InteractionEvent> lines = decode("""
				{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}
				{"eventId":
				""", BatchFormat.NDJSON);

		assertThat(array.violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).contains("malformed JSON at line 1"));
		assertThat(lines.violations()).singleElement().satisfies(v -> {
			assertThat(v.index()).isEqualTo(1);
			assertThat(v.message()).contains("line 2");
		});
	}

	@Test
	void refusesBatchesOverTheLimitAndEmptyOnes() {
		String one = "{\"eventId\":\"e%d\",\"contactId\":\"c1\",\"programId\":\"p1\",\"type\":\"SMS_SENT\",\"occurredAt\":\"2026-06-01T09:00:00Z\"}\n";
		DecodedBatch<InteractionEvent> tooMany = decoder.decode(
				(one.formatted(1) + one.formatted(2) + one.formatted(3)).getBytes(StandardCharsets.UTF_8),
				BatchFormat.NDJSON, 2);

		assertThat(tooMany.items()).isEmpty();
		assertThat(tooMany.violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).contains("maximum is 2"));
		assertThat(decode("[]", BatchFormat.JSON_ARRAY).violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).isEqualTo("batch is empty"));
		assertThat(decode("{\"eventId\":\"e1\"}", BatchFormat.JSON_ARRAY).violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).startsWith("expected a JSON array"));
	}

	private static DecodedBatch<InteractionEvent> decode(String body, BatchFormat format) {
		return decoder.decode(body.getBytes(StandardCharsets.UTF_8), format, 5_000);
	}

}
