package io.rollcall.schema.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.json.BatchDecoder;
import io.rollcall.schema.json.BatchFormat;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema and the Java contract are two descriptions of one thing:
 * partners validate against the first, Rollcall enforces the second. These tests keep
 * them in step.
 */
class EventJsonSchemaTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ValidatorFactory validation;

	private static BatchDecoder<InteractionEvent> decoder;

	private static Schema schema;

	@BeforeAll
	static void load() throws Exception {
		validation = Validation.buildDefaultValidatorFactory();
		decoder = EventContract.decoder(validation.getValidator(),
				Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		try (InputStream in = EventJsonSchemaTests.class
			.getResourceAsStream("/json-schema/interaction-event.schema.json")) {
			schema = registry.getSchema(in);
		}
	}

	@AfterAll
	static void close() {
		validation.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"VIDEO_PROGRESS",
					 "occurredAt":"2026-06-01T09:00:00Z","segment":3,"revision":2,"attributes":{"device":"ios"}}""", """
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"QUIZ_ANSWERED",
					 "occurredAt":"2026-06-01T09:00:00Z","questionId":"q1","correct":false,"score":0}""" })
	void bothAcceptAValidEvent(String event) {
		assertThat(schema.validate(json.readTree(event))).isEmpty();
		assertThat(decoder.decode(("[" + event + "]").getBytes(StandardCharsets.UTF_8), BatchFormat.JSON_ARRAY, 10)
			.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			{"contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}""",
			"""
					{"eventId":"e 1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","type":"TELEPORTED","occurredAt":"2026-06-01T09:00:00Z"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"yesterday"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z",
					 "tenantId":"other"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"VIDEO_PROGRESS",
					 "occurredAt":"2026-06-01T09:00:00Z"}""", """
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"QUIZ_ANSWERED",
					 "occurredAt":"2026-06-01T09:00:00Z","questionId":"q1"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","type":"LESSON_STARTED","occurredAt":"2026-06-01T09:00:00Z"}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-06-01T09:00:00Z",
					 "score":101}""",
			"""
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"VIDEO_PROGRESS",
					 "occurredAt":"2026-06-01T09:00:00Z","segment":-1}""", """
					{"eventId":"e1","contactId":"c1","programId":"p1","lessonId":"l1","type":"VIDEO_PROGRESS",
					 "occurredAt":"2026-06-01T09:00:00Z","segment":null}""" })
	void bothRejectAnInvalidEvent(String event) {
		assertThat(schema.validate(json.readTree(event))).isNotEmpty();
		assertThat(decoder.decode(("[" + event + "]").getBytes(StandardCharsets.UTF_8), BatchFormat.JSON_ARRAY, 10)
			.violations()).isNotEmpty();
	}

	@Test
	void everyGeneratedEventKeepsThePublishedSchema() {
		EventGenerator.withSeed(7).reps(20).lessonsPerProgram(5).generate("acme").events().forEach(event -> {
			String serialized = json.writeValueAsString(event);
			assertThat(schema.validate(json.readTree(serialized))).as(serialized).isEmpty();
		});
	}

}
