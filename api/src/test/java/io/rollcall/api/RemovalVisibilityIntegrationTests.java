package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code removeContact} then {@code repProgress}, over GraphQL with a real token: the
 * contact is absent from the very next query, 100 times out of 100.
 */
@DevStackTest
class RemovalVisibilityIntegrationTests {

	private RunningStack stack;

	private String admin;

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
		// On a loaded 2-core CI machine a removal can take many seconds: wait up to 25 s
		// (below the test client's 30 s HTTP timeout, so a slow one fails with
		// VISIBILITY_TIMEOUT, not a hang) and give Redis commands more than 2 s.
		stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.ingest.visibility-timeout", "25s", "rollcall.redis.command-timeout", "10s"));
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void aRemovedContactIsAbsentFromTheNextQueryEveryTime() {
		// 100 reps, a handful of events each: the test is about removals, not volume.
		GeneratedTenant tenant = EventGenerator.withSeed(5).reps(150).lessonsPerProgram(2).generate("demo");
		List<InteractionEvent> events = tenant.events();
		HttpResponse<String> contacts = stack.post("/v1/contacts?consistency=visible", admin, "application/json",
				RunningStack.JSON.writeValueAsString(tenant.contacts()));
		HttpResponse<String> written = stack.post("/v1/events?consistency=visible", admin, "application/json",
				RunningStack.JSON.writeValueAsString(events));
		assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
		assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
		List<String> reps = events.stream().map(InteractionEvent::contactId).distinct().sorted().toList();
		assertThat(reps).hasSizeGreaterThan(100);
		assertThat(DashboardInputIntegrationTests.ids(repProgress())).isEqualTo(reps);
		List<String> removed = reps.subList(0, 100);

		int absent = 0;
		for (int i = 0; i < removed.size(); i++) {
			String contactId = removed.get(i);
			JsonNode removal = stack.graphQl(admin, "removeContact", Map.of("id", contactId));
			assertThat(removal.path("data").path("removeContact").path("removed").asBoolean()).as(removal.toString())
				.isTrue();
			JsonNode next = repProgress();
			List<String> listed = DashboardInputIntegrationTests.ids(next);
			if (!listed.contains(contactId)) {
				absent++;
			}
			assertThat(listed).as("after removing " + contactId).isEqualTo(reps.subList(i + 1, reps.size()));
			assertThat(next.path("totalCount").asLong()).isEqualTo(reps.size() - i - 1);
		}
		assertThat(absent).isEqualTo(100);
	}

	private JsonNode repProgress() {
		return OracleDashboards.data(stack.graphQl(admin, "repProgress", Map.of("programId", "prog-0", "first", 500)),
				"repProgress");
	}

}
