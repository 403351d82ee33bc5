package io.rollcall.indexer.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DevStackTest
class DeadLetterEndpointIntegrationTests {

	private static final String UNREADABLE_BODY = "[{\"eventId\":";

	@Test
	void anOperatorListsTheNewestDeadLettersOverHttp(DevStack stack) throws Exception {
		try (IndexerHarness indexer = IndexerHarness.start(stack)) {
			String acme = indexer
				.sendRaw(Map.of("kind", "EVENTS", "tenant", "acme", "accepted_at", "1", "body", UNREADABLE_BODY));
			String globex = indexer
				.sendRaw(Map.of("kind", "EVENTS", "tenant", "globex", "accepted_at", "1", "body", UNREADABLE_BODY));
			await().atMost(IndexerHarness.TIMEOUT)
				.until(() -> indexer.redis.xlen(indexer.keys.deadLetterStream()) == 2);
			String port = indexer.context.getEnvironment().getProperty("local.server.port");

			JsonNode one = get(port, "/actuator/deadletters?limit=1");
			assertThat(one.path("total").asLong()).isEqualTo(2);
			assertThat(one.path("letters")).hasSize(1);

			JsonNode all = get(port, "/actuator/deadletters");
			assertThat(all.path("letters")).hasSize(2)
				.extracting(letter -> letter.path("tenant").asString() + " " + letter.path("entryId").asString())
				.containsExactlyInAnyOrder("acme " + acme, "globex " + globex);
			assertThat(all.path("letters")).allSatisfy(letter -> {
				assertThat(letter.path("reason").asString()).contains("malformed JSON");
				assertThat(letter.path("item").asString()).isEqualTo(UNREADABLE_BODY);
			});
		}
	}

	private static JsonNode get(String port, String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(response.body());
		}
	}

}
