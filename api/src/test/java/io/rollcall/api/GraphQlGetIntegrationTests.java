package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Queries with GET over real HTTP: cacheable answers whose ETag follows the tenant's
 * write generation (304 while nothing was written, the new numbers after a write that
 * returned), no ETag for answers the clock changes, and never a mutation.
 */
@DevStackTest
class GraphQlGetIntegrationTests {

	private static final String SUMMARY = "{ programSummary(programId: \"onboarding\") { totalEvents } }";

	private RunningStack stack;

	private String admin;

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
		stack = RunningStack.start(devStack, issuer);
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void anAnswerIsRevalidatedByItsETagUntilTheTenantWrites() {
		write("e-1");
		HttpResponse<String> first = get(SUMMARY, null);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = get(SUMMARY, etag);
		write("e-2");
		HttpResponse<String> afterWrite = get(SUMMARY, etag);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(totalEvents(first)).isEqualTo(1);
		assertThat(first.headers().allValues("Cache-Control")).containsExactly("private, no-cache");
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(afterWrite.statusCode()).isEqualTo(200);
		assertThat(totalEvents(afterWrite)).isEqualTo(2);
		assertThat(afterWrite.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
	}

	@Test
	void anETagIsTheCallersAndTheDocumentsOwn() {
		write("e-1");
		String etag = get(SUMMARY, null).headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> otherDocument = get("{ programSummary(programId: \"onboarding\") { activeReps } }", etag);

		assertThat(otherDocument.statusCode()).isEqualTo(200);
	}

	@Test
	void anAnswerThatTheClockChangesHasNoETag() {
		HttpResponse<String> compliance = get(
				"{ compliance(programId: \"onboarding\", dueBy: \"2030-01-01T00:00:00Z\") { overdue } }", null);

		assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
		assertThat(compliance.headers().firstValue("ETag")).isEmpty();
		assertThat(compliance.headers().allValues("Cache-Control")).containsExactly("no-store");
	}

	@Test
	void aMutationWithGetIs405AndWritesNothing() {
		HttpResponse<String> mutation = get(
				"mutation { upsertProgram(program: {programId: \"p-1\", lessonIds: [\"l-1\"]}) { programId } }", null);

		assertThat(mutation.statusCode()).isEqualTo(405);
		assertThat(mutation.headers().firstValue("Allow")).hasValue("POST");
		assertThat(RunningStack.JSON.readTree(mutation.body())
			.path("errors")
			.path(0)
			.path("extensions")
			.path("code")
			.asString()).isEqualTo("METHOD_NOT_ALLOWED");
		JsonNode program = RunningStack.JSON.readTree(get("{ program(id: \"p-1\") { programId } }", null).body());
		assertThat(program.path("data").path("program").isNull()).as(program.toString()).isTrue();
	}

	@Test
	void aGetWithoutATokenIsRefused() {
		HttpResponse<String> anonymous = stack.get("/graphql?query=" + encode("{ __typename }"), null);

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String document, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(stack.uri("/graphql?query=" + encode(document)))
			.header("Accept", "application/graphql-response+json")
			.GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return stack.send(admin, request);
	}

	private void write(String eventId) {
		HttpResponse<String> response = stack.post("/v1/events?consistency=visible", admin, "application/json",
				"[{\"eventId\":\"" + eventId + "\",\"contactId\":\"rep-1\",\"programId\":\"onboarding\","
						+ "\"lessonId\":\"l-1\",\"type\":\"LESSON_STARTED\",\"occurredAt\":\"2026-11-20T09:00:00Z\"}]");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static long totalEvents(HttpResponse<String> response) {
		return RunningStack.JSON.readTree(response.body())
			.path("data")
			.path("programSummary")
			.path("totalEvents")
			.asLong();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
