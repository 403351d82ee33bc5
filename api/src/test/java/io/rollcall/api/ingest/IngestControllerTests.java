package io.rollcall.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lettuce.core.RedisConnectionException;
import io.rollcall.platform.UnavailableException;
import io.rollcall.schema.event.EventContract;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.json.BatchFormat;
import io.rollcall.schema.json.DecodedBatch;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The REST write contract with the stream mocked: status codes, error bodies and what is
 * appended. Tokens are simulated (the real issuer is covered by the integration tests).
 */
@SpringBootTest(properties = { "spring.config.name=rollcall-api", "rollcall.ingest.max-body-size=512KB",
		"rollcall.ingest.max-items-per-request=2500", "rollcall.ingest.visibility-timeout=200ms" })
@AutoConfigureMockMvc
class IngestControllerTests {

	private static final String EVENT = """
			{"eventId":"e%d","contactId":"c1","programId":"p1","type":"SMS_SENT","occurredAt":"2026-01-05T09:00:00Z"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IngestRedis redis;

	@Test
	void acceptsAValidArrayAndAppendsItForTheTokensTenant() throws Exception {
		mvc.perform(post("/v1/events").with(writer("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + EVENT.formatted(1) + "," + EVENT.formatted(2) + "]"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.consistency").value("ACCEPTED"));

		ArgumentCaptor<StreamEntry> entry = ArgumentCaptor.forClass(StreamEntry.class);
		verify(redis).append(entry.capture());
		assertThat(entry.getValue().kind()).isEqualTo(EntryKind.EVENTS);
		assertThat(entry.getValue().tenantId()).isEqualTo("demo");
		assertThat(entry.getValue().ticket()).isNull();
		assertThat(decode(entry.getValue().body()).items()).extracting(InteractionEvent::eventId)
			.containsExactly("e1", "e2");
	}

	@Test
	void acceptsNdjsonAndSplitsLargeRequestsIntoEntriesOfAThousand() throws Exception {
		String body = IntStream.range(0, 2_345).mapToObj(EVENT::formatted).collect(Collectors.joining("\n"));

		mvc.perform(post("/v1/events").with(writer("demo")).contentType("application/x-ndjson").content(body))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2_345));

		ArgumentCaptor<StreamEntry> entries = ArgumentCaptor.forClass(StreamEntry.class);
		verify(redis, times(3)).append(entries.capture());
		assertThat(entries.getAllValues()).extracting(e -> decode(e.body()).items().size())
			.containsExactly(1_000, 1_000, 345);
		// Each entry declares its count: the indexer sizes its batches by it without
		// decoding.
		assertThat(entries.getAllValues()).extracting(StreamEntry::items).containsExactly(1_000, 1_000, 345);
	}

	@Test
	void acceptsContactsWithTheContactsScope() throws Exception {
		mvc.perform(post("/v1/contacts").with(contactsWriter("demo"))
			.contentType("application/x-ndjson")
			.content(
					"""
							{"contactId":"c1","name":"Ada","email":"ada@demo.example","teamId":"team-1","hiredAt":"2025-03-01","version":3}
							{"contactId":"c2","version":1}
							"""))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2));
		mvc.perform(post("/v1/contacts").with(contactsWriter("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"contactId\":\"c3\",\"email\":\"not-an-email\",\"version\":1}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.violations[0].contactId").value("c3"))
			.andExpect(jsonPath("$.violations[0].field").value("email"));

		ArgumentCaptor<StreamEntry> entry = ArgumentCaptor.forClass(StreamEntry.class);
		verify(redis).append(entry.capture());
		assertThat(entry.getValue().kind()).isEqualTo(EntryKind.CONTACTS);
		assertThat(entry.getValue().tenantId()).isEqualTo("demo");
		assertThat(entry.getValue().body()).contains("\"contactId\":\"c1\"", "\"hiredAt\":\"2025-03-01\"");
	}

	@Test
	void rejectsTheWholeBatchNamingIndexIdAndField() throws Exception {
		String body = "[" + EVENT.formatted(0) + "," + EVENT.formatted(1).replace("SMS_SENT", "TELEPORTED") + ","
				+ EVENT.formatted(2).replace("\"type\":\"SMS_SENT\"", "\"type\":\"QUIZ_ANSWERED\",\"lessonId\":\"l1\"")
				+ "]";

		mvc.perform(post("/v1/events").with(writer("demo")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("BAD_USER_INPUT"))
			.andExpect(jsonPath("$.message").value("the events were rejected (3 problems); nothing was accepted"))
			.andExpect(jsonPath("$.violations.length()").value(3))
			.andExpect(jsonPath("$.violations[0].index").value(1))
			.andExpect(jsonPath("$.violations[0].eventId").value("e1"))
			.andExpect(jsonPath("$.violations[0].field").value("type"))
			.andExpect(jsonPath("$.violations[1].index").value(2))
			.andExpect(jsonPath("$.violations[1].eventId").value("e2"))
			.andExpect(
					jsonPath("$.violations[*].field").value(org.hamcrest.Matchers.hasItems("questionId", "correct")));

		verify(redis, never()).append(any());
	}

	@Test
	void rejectsMalformedJsonAndTooManyItems() throws Exception {
		mvc.perform(post("/v1/events").with(writer("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"eventId\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.violations[0].index").value(0))
			.andExpect(jsonPath("$.violations[0].message").value(org.hamcrest.Matchers.startsWith("malformed JSON")));

		String tooMany = IntStream.range(0, 2_501).mapToObj(i -> "{}").collect(Collectors.joining("\n"));
		mvc.perform(post("/v1/events").with(writer("demo")).contentType("application/x-ndjson").content(tooMany))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.violations[0].message").value("batch has 2501 items; the maximum is 2500"));
		verify(redis, never()).append(any());
	}

	@Test
	void refusesBodiesOverTheSizeLimit() throws Exception {
		byte[] body = ("[" + "\"x\",".repeat(150_000) + "\"x\"]").getBytes(StandardCharsets.UTF_8);

		mvc.perform(post("/v1/events").with(writer("demo")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
		verify(redis, never()).append(any());
	}

	@Test
	void rejectsAnUnknownConsistencyAndOtherMediaTypes() throws Exception {
		mvc.perform(post("/v1/events?consistency=eventually").with(writer("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + EVENT.formatted(1) + "]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("BAD_USER_INPUT"));
		mvc.perform(post("/v1/events").with(writer("demo")).contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("BAD_USER_INPUT"));
	}

	@Test
	void needsATokenWithTheWriteScope() throws Exception {
		mvc.perform(post("/v1/events").contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		mvc.perform(post("/v1/events").with(reader("demo")).contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		mvc.perform(delete("/v1/contacts/c1").with(writer("demo"))).andExpect(status().isForbidden());
	}

	@Test
	void redisDownIsUnavailableWithARetryHint() throws Exception {
		given(redis.append(any())).willThrow(new UnavailableException("the ingest queue is unavailable, retry later",
				Duration.ofSeconds(2), new RedisConnectionException("Connection refused")));

		mvc.perform(post("/v1/events").with(writer("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + EVENT.formatted(1) + "]"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(jsonPath("$.code").value("UNAVAILABLE"))
			.andExpect(jsonPath("$.retryAfterMs").value(2000));
	}

	@Test
	void aVisibleWriteThatIsNotConfirmedInTimeSaysItIsAccepted() throws Exception {
		mvc.perform(post("/v1/events?consistency=visible").with(writer("demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + EVENT.formatted(1) + "]"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.code").value("VISIBILITY_TIMEOUT"))
			.andExpect(jsonPath("$.message")
				.value("accepted but not yet visible after 200ms; the events will still be applied"));

		ArgumentCaptor<StreamEntry> entry = ArgumentCaptor.forClass(StreamEntry.class);
		verify(redis).append(entry.capture());
		assertThat(entry.getValue().ticket()).isNotBlank();
	}

	private static JwtRequestPostProcessor writer(String tenant) {
		return jwt().jwt(token -> token.claim("tenant_id", tenant))
			.authorities(new SimpleGrantedAuthority("SCOPE_events:write"));
	}

	private static JwtRequestPostProcessor contactsWriter(String tenant) {
		return jwt().jwt(token -> token.claim("tenant_id", tenant))
			.authorities(new SimpleGrantedAuthority("SCOPE_contacts:write"));
	}

	private static JwtRequestPostProcessor reader(String tenant) {
		return jwt().jwt(token -> token.claim("tenant_id", tenant))
			.authorities(new SimpleGrantedAuthority("SCOPE_analytics:read"));
	}

	private static DecodedBatch<InteractionEvent> decode(String body) {
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			DecodedBatch<InteractionEvent> batch = EventContract.decoder(validation.getValidator(), Clock.systemUTC())
				.decode(body.getBytes(StandardCharsets.UTF_8), BatchFormat.JSON_ARRAY, 5_000);
			assertThat(batch.violations()).isEmpty();
			return batch;
		}
	}

}
