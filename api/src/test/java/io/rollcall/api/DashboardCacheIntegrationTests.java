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
 * The dashboard cache (on by default) never hides a write or a removal that returned to
 * its client: the same query asked again after it gives the new numbers.
 */
@DevStackTest
class DashboardCacheIntegrationTests {

	private RunningStack stack;

	private String admin;

	@BeforeEach
	void start(DevStack devStack, DevIssuer issuer) {
		stack = RunningStack.start(devStack, issuer,
				Map.of("rollcall.ingest.visibility-timeout", "25s", "rollcall.redis.command-timeout", "10s"));
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void aVisibleWriteChangesTheNextAnswer() {
		GeneratedTenant tenant = EventGenerator.withSeed(11).reps(20).lessonsPerProgram(2).generate("demo");
		List<InteractionEvent> events = tenant.events();
		List<InteractionEvent> first = events.subList(0, events.size() / 2);
		List<InteractionEvent> second = events.subList(events.size() / 2, events.size());
		write("/v1/contacts", tenant.contacts());
		write("/v1/events", first);
		long before = totalEvents();
		assertThat(before).isEqualTo(first.size());
		assertThat(totalEvents()).isEqualTo(before);
		write("/v1/events", second);
		assertThat(totalEvents()).isEqualTo(events.size());
		long reps = events.stream().map(InteractionEvent::contactId).distinct().count();
		assertThat(repProgress().path("totalCount").asLong()).isEqualTo(reps);
	}

	@Test
	void aRemovedContactIsGoneFromTheNextRepProgress() {
		GeneratedTenant tenant = EventGenerator.withSeed(12).reps(10).lessonsPerProgram(2).generate("demo");
		write("/v1/contacts", tenant.contacts());
		write("/v1/events", tenant.events());
		List<String> reps = DashboardInputIntegrationTests.ids(repProgress());
		assertThat(DashboardInputIntegrationTests.ids(repProgress())).isEqualTo(reps);
		for (String contactId : reps.subList(0, 3)) {
			JsonNode removal = stack.graphQl(admin, "removeContact", Map.of("id", contactId));
			assertThat(removal.path("data").path("removeContact").path("removed").asBoolean()).as(removal.toString())
				.isTrue();
			assertThat(DashboardInputIntegrationTests.ids(repProgress())).doesNotContain(contactId);
		}
		assertThat(DashboardInputIntegrationTests.ids(repProgress())).isEqualTo(reps.subList(3, reps.size()));
	}

	private void write(String path, Object body) {
		HttpResponse<String> response = stack.post(path + "?consistency=visible", admin, "application/json",
				RunningStack.JSON.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private long totalEvents() {
		return OracleDashboards
			.data(stack.graphQl(admin, "programSummary", Map.of("programId", "prog-0")), "programSummary")
			.path("totalEvents")
			.asLong();
	}

	private JsonNode repProgress() {
		return OracleDashboards.data(stack.graphQl(admin, "repProgress", Map.of("programId", "prog-0", "first", 500)),
				"repProgress");
	}

}
