package io.rollcall.api.changes;

import static io.rollcall.api.changes.ChangeLogFixture.event;
import static io.rollcall.api.changes.ChangeLogFixture.progress;
import static io.rollcall.api.changes.ChangeLogFixture.removal;
import static io.rollcall.api.changes.ChangesClient.BEGINNING;
import static io.rollcall.api.changes.ChangesClient.SUBSCRIPTION;
import static io.rollcall.api.changes.ChangesClient.changes;
import static io.rollcall.api.changes.ChangesClient.connect;
import static io.rollcall.api.changes.ChangesClient.page;
import static io.rollcall.api.changes.ChangesClient.streamIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager token reads the change log of its teams' reps only, in the subscription and
 * the query alike: the teams come from the contacts the real indexer applied.
 */
@DevStackTest
class ChangeScopesIntegrationTests {

	private SecuredApi api;

	private DevIssuer issuer;

	private ChangeLogFixture log;

	@BeforeEach
	void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		api = SecuredApi.start(stack, issuer, true, Map.of());
		log = new ChangeLogFixture(stack);
	}

	@AfterEach
	void stop() {
		log.close();
		api.close();
	}

	@Test
	void aManagerReceivesItsTeamsRepsOnly() {
		String tenant = "scoped";
		String admin = issuer.sign(issuer.claims(tenant, "analytics:read contacts:write").build());
		HttpResponse<String> contacts = api.post("/v1/contacts?consistency=visible", admin, SecuredApi.APPLICATION_JSON,
				"""
						[{"contactId":"rep-a","teamId":"team-a","version":1},
						 {"contactId":"rep-b","teamId":"team-b","version":1}]""");
		assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
		List<String> ids = log.append(tenant, List.of(event("e-1", "rep-a", "p-1"), event("e-2", "rep-b", "p-1"),
				progress("rep-b", "p-1", 1), progress("rep-a", "p-1", 1), removal("rep-b")));
		String manager = issuer.sign(issuer.claims(tenant, "analytics:read")
			.claim("role", "manager")
			.claim("team_ids", List.of("team-a"))
			.build());

		try (GraphQlSocket socket = connect(api, manager)) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING));
			List<String> more = log.append(tenant, List.of(event("e-3", "rep-b", "p-1"), event("e-4", "rep-a", "p-1")));

			await().atMost(Duration.ofSeconds(30)).until(() -> streamIds(changes(socket, "1")).contains(more.get(1)));
			assertThat(streamIds(changes(socket, "1"))).containsExactly(ids.get(0), ids.get(3), more.get(1));
		}
		assertThat(page(api, manager, Map.of("first", 100)).path("edges"))
			.extracting(edge -> edge.path("node").path("contactId").asString())
			.containsExactly("rep-a", "rep-a", "rep-a");
		assertThat(page(api, admin, Map.of("first", 100)).path("edges")).as("the admin sees every rep").hasSize(7);
	}

}
