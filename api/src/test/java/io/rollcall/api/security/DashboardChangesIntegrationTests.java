package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions end to end: a CRM subscribes over WebSocket, writes go through REST, the
 * real indexer applies them and publishes change notices, and each subscriber receives
 * its own tenant's changes only.
 */
@DevStackTest
class DashboardChangesIntegrationTests {

	private static final String CHANGES = """
			subscription { dashboardChanges { generation programIds contactIds removedContactIds } }
			""";

	private final AtomicInteger sequence = new AtomicInteger();

	private SecuredApi api;

	private DevIssuer issuer;

	@BeforeEach
	void start(DevStack stack, DevIssuer devIssuer) {
		this.issuer = devIssuer;
		this.api = SecuredApi.start(stack, devIssuer, true, Map.of());
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void eachTenantReceivesItsOwnChangesOnly() {
		String demo = this.issuer.token("demo-admin", "demo-admin-secret");
		String other = this.issuer.token("other-admin", "other-admin-secret");
		try (GraphQlSocket demoSocket = GraphQlSocket.connect(this.api.webSocketUri(), demo);
				GraphQlSocket otherSocket = GraphQlSocket.connect(this.api.webSocketUri(), other);
				GraphQlSocket managerSocket = GraphQlSocket.connect(this.api.webSocketUri(),
						this.issuer.token("demo-manager", "demo-manager-secret"))) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> demoSocket.acknowledged() && otherSocket.acknowledged() && managerSocket.acknowledged());
			otherSocket.subscribe("o", CHANGES);
			demoSocket.subscribe("d", CHANGES);
			managerSocket.subscribe("m", CHANGES);

			// The server subscribes to Redis when the subscription starts; until then a
			// notice is not seen, so write until one is: the subscriber is then live.
			List<String> otherContacts = writeUntilReceived(other, "other", otherSocket, "o");
			List<String> demoContacts = writeUntilReceived(demo, "demo", demoSocket, "d");
			// A later change of other's, received: every earlier notice (demo's) was
			// fanned out before it, so other would have seen it.
			otherContacts.addAll(writeUntilReceived(other, "other", otherSocket, "o"));
			await().atMost(Duration.ofSeconds(30)).until(() -> !managerSocket.next("m").isEmpty());

			List<JsonNode> demoChanges = changes(demoSocket, "d");
			List<JsonNode> otherChanges = changes(otherSocket, "o");
			assertThat(demoChanges).allSatisfy(change -> {
				assertThat(change.path("generation").asLong()).isPositive();
				assertThat(change.path("programIds").toString()).contains("prog-0");
				assertThat(change.path("contactIds").toString()).contains("demo-c").doesNotContain("other-c");
			});
			assertThat(otherChanges)
				.allSatisfy(change -> assertThat(change.path("contactIds").toString()).contains("other-c")
					.doesNotContain("demo-c"));
			assertThat(otherChanges.toString()).doesNotContain(demoContacts.toArray(String[]::new));
			assertThat(demoChanges.toString()).doesNotContain(otherContacts.toArray(String[]::new));
			assertThat(changes(managerSocket, "m")).allSatisfy(change -> {
				assertThat(change.path("programIds").toString()).contains("prog-0");
				assertThat(change.path("contactIds")).as("managers get no contact ids").isEmpty();
			});
		}
	}

	/**
	 * Writes one event at a time (visible) for {@code tenant} until the socket received a
	 * change; returns the contact ids written.
	 */
	private List<String> writeUntilReceived(String token, String tenant, GraphQlSocket socket, String id) {
		int seen = socket.next(id).size();
		List<String> contacts = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			int n = this.sequence.incrementAndGet();
			String contact = tenant + "-c" + n;
			contacts.add(contact);
			HttpResponse<String> write = this.api.post("/v1/events?consistency=visible", token,
					SecuredApi.APPLICATION_JSON, """
							[{"eventId":"%s-e%d","contactId":"%s","programId":"prog-0","type":"SMS_SENT",
							  "occurredAt":"2026-01-05T09:00:00Z"}]""".formatted(tenant, n, contact));
			assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
			return socket.next(id).size() > seen;
		});
		return contacts;
	}

	private static List<JsonNode> changes(GraphQlSocket socket, String id) {
		List<JsonNode> changes = socket.next(id).stream().map(p -> p.path("data").path("dashboardChanges")).toList();
		assertThat(changes).isNotEmpty();
		return changes;
	}

}
