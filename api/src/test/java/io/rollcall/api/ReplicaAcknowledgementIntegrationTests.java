package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code rollcall.ingest.replica-acknowledgement} against devstack's Redis, which has no
 * replica: WAIT answers 0 when its timeout ends, and the write gets the documented answer
 * (503 UNAVAILABLE with a retry hint) although its entry is in the primary, from where
 * the indexer applies it.
 */
@DevStackTest
class ReplicaAcknowledgementIntegrationTests {

	private RunningStack stack;

	private DevIssuer issuer;

	@BeforeEach
	void start(DevStack devStack) {
		issuer = DevIssuer.global();
		stack = RunningStack.start(devStack, issuer, Map.of("rollcall.ingest.replica-acknowledgement.replicas", "1",
				"rollcall.ingest.replica-acknowledgement.timeout", "300ms"));
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void aWriteNoReplicaConfirmedIsUnavailableYetApplied() {
		String token = issuer.token("demo-admin", "demo-admin-secret");

		HttpResponse<String> write = stack.post("/v1/events", token, "application/json", """
				[{"eventId":"unreplicated-1","contactId":"rep-1","programId":"replicas","type":"SMS_SENT",
				  "occurredAt":"2026-01-05T09:00:00Z"}]
				""");

		assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
		JsonNode error = RunningStack.JSON.readTree(write.body());
		assertThat(error.path("code").asString()).isEqualTo("UNAVAILABLE");
		assertThat(error.path("message").asString()).contains("0 of 1 replica(s) confirmed it within 300 ms");
		assertThat(write.headers().firstValue("Retry-After")).hasValue("2");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stack.graphQl(token, "programSummary", Map.of("programId", "replicas"))
				.at("/data/programSummary/totalEvents")
				.asLong()).isEqualTo(1));
	}

}
