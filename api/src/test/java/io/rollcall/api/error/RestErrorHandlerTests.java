package io.rollcall.api.error;

import io.rollcall.platform.UnavailableException;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.schema.json.Violation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

class RestErrorHandlerTests {

	private final RestErrorHandler handler = new RestErrorHandler();

	@Test
	void badUserInputListsEveryViolation() {
		ResponseEntity<Map<String, Object>> response = handler.domain(new BadUserInputException("rejected",
				List.of(new Violation(3, "e3", "type", "unknown value"), new Violation(5, null, null, "malformed")),
				"eventId"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("code", "BAD_USER_INPUT").containsEntry("message", "rejected");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) response.getBody().get("violations");
		assertThat(violations).hasSize(2);
		assertThat(violations.get(0)).containsExactly(Map.entry("index", 3), Map.entry("eventId", "e3"),
				Map.entry("field", "type"), Map.entry("message", "unknown value"));
		assertThat(violations.get(1)).containsEntry("eventId", null).containsEntry("field", null);
	}

	@Test
	void unavailableSaysWhenToRetryAndHidesTheCause() {
		ResponseEntity<Map<String, Object>> response = handler
			.unavailable(new UnavailableException("search is unavailable", Duration.ofSeconds(5),
					new IOException("Connection refused: 127.0.0.1:9200 secret internals")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(response.getBody()).containsOnly(Map.entry("code", "UNAVAILABLE"),
				Map.entry("message", "search is unavailable"), Map.entry("retryAfterMs", 5000L));
	}

	@Test
	void visibilityTimeoutTellsTheTruth() {
		ResponseEntity<Map<String, Object>> response = handler
			.domain(new VisibilityTimeoutException(Duration.ofSeconds(10), "events"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(response.getBody()).containsEntry("code", "VISIBILITY_TIMEOUT")
			.containsEntry("message", "accepted but not yet visible after 10s; the events will still be applied");
	}

	@Test
	void notAppliedIsInternalWithTheIndexersReason() {
		ResponseEntity<Map<String, Object>> response = handler.domain(new NotAppliedException("mapping conflict"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody()).containsEntry("code", "INTERNAL")
			.containsEntry("message", "accepted but could not be applied: mapping conflict");
	}

	@Test
	void securityExceptionsFromServicesAreForbiddenNotInternal() {
		ResponseEntity<Map<String, Object>> response = handler.forbidden(new AccessDeniedException("Access Denied"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).containsEntry("code", "FORBIDDEN");
	}

	@Test
	void frameworkErrorsKeepTheirStatus() {
		ResponseEntity<Map<String, Object>> response = handler
			.other(new HttpRequestMethodNotSupportedException(HttpMethod.PUT.name(), List.of("POST")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(response.getBody()).containsEntry("code", "METHOD_NOT_ALLOWED");
		assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
	}

	@Test
	void unreadableBodiesAreBadInputWithoutTheParsersMessage() {
		ResponseEntity<Map<String, Object>> response = handler.unreadable(new HttpMessageNotReadableException(
				"JSON parse error: Cannot deserialize value of type `java.lang.String`",
				new MockHttpInputMessage(new byte[0])));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("code", "BAD_USER_INPUT");
		assertThat(response.getBody().get("message").toString()).doesNotContain("java.");
	}

	@Test
	void unexpectedErrorsLeakNothing() {
		ResponseEntity<Map<String, Object>> response = handler
			.other(new IllegalStateException("index [rollcall-events] blew up at line 42"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody()).containsOnly(Map.entry("code", "INTERNAL"),
				Map.entry("message", "internal error"));
	}

}
