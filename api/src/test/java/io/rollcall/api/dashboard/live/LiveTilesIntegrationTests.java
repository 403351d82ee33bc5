package io.rollcall.api.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.TestDocuments;
import io.rollcall.api.changes.ChangeLogFixture;
import io.rollcall.api.changes.ChangesClient;
import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live tiles against the real stack: identical subscriptions share one evaluation per
 * change window, an unchanged answer is not sent, a new one reaches every subscriber, and
 * each caller scope is a tile of its own. The tiles are woken by the change log (here
 * written by {@link ChangeLogFixture} after the data changed, as the indexer does after
 * its refresh).
 */
@DevStackTest
class LiveTilesIntegrationTests {

	private static final String SUMMARY = TestDocuments.load("programSummaryChanged");

	private static final String COMPLIANCE = TestDocuments.load("complianceChanged");

	private static final String PROGRAM = "prog-0";

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
	void identicalSubscriptionsShareOneEvaluationPerChangeWindow() {
		String tenant = "tiles";
		String token = issuer.sign(issuer.claims(tenant, "analytics:read events:write").build());
		List<GraphQlSocket> sockets = List.of(ChangesClient.connect(api, token), ChangesClient.connect(api, token));
		try {
			List<Subscriber> subscribers = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				GraphQlSocket socket = sockets.get(i % 2);
				socket.subscribe("s" + i, SUMMARY, Map.of("programId", PROGRAM));
				subscribers.add(new Subscriber(socket, "s" + i));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> subscribers.stream().allMatch(s -> s.values().size() == 1));
			assertThat(subscribers)
				.allSatisfy(s -> assertThat(s.values().getFirst().path("totalEvents").asLong()).isZero());
			assertThat(evaluations("programSummary")).as("one evaluation for 100 identical subscriptions").isEqualTo(1);

			// 50 changes at once that change no number: one evaluation, nothing sent.
			log.appendAtOnce(tenant,
					IntStream.range(0, 50).mapToObj(i -> ChangeLogFixture.progress("rep-" + i, PROGRAM, 0)).toList());
			await().atMost(Duration.ofSeconds(30)).until(() -> evaluations("programSummary") == 2);

			// A catalog, then one change: one more evaluation, and every subscriber gets
			// it.
			HttpResponse<String> catalog = api.put("/v1/programs/" + PROGRAM + "?consistency=visible", token,
					SecuredApi.APPLICATION_JSON, "{\"lessonIds\":[\"l-a\",\"l-b\"]}");
			assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
			log.append(tenant, List.of(ChangeLogFixture.progress("rep-1", PROGRAM, 0)));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> subscribers.stream().allMatch(s -> s.values().size() == 2));
			assertThat(subscribers).allSatisfy(s -> assertThat(s.values().getLast().path("lessons").toString())
				.isEqualTo("[{\"lessonId\":\"l-a\",\"startedReps\":0,\"completedReps\":0},"
						+ "{\"lessonId\":\"l-b\",\"startedReps\":0,\"completedReps\":0}]"));
			assertThat(evaluations("programSummary")).as("one per change window, whatever the subscribers")
				.isEqualTo(3);
		}
		finally {
			sockets.forEach(GraphQlSocket::close);
		}
	}

	@Test
	void afterAnIngestEveryScopeGetsTheOraclesNumbers() {
		GeneratedTenant generated = EventGenerator.withSeed(21).reps(12).teams(3).lessonsPerProgram(4).generate("live");
		String admin = issuer.sign(issuer.claims("live", "analytics:read events:write contacts:write").build());
		String manager = issuer.sign(issuer.claims("live", "analytics:read")
			.claim("role", "manager")
			.claim("team_ids", List.of("team-1"))
			.build());
		write(admin, "/v1/contacts", generated.contacts());
		try (GraphQlSocket adminSocket = ChangesClient.connect(api, admin);
				GraphQlSocket managerSocket = ChangesClient.connect(api, manager)) {
			adminSocket.subscribe("summary", SUMMARY, Map.of("programId", PROGRAM));
			adminSocket.subscribe("compliance", COMPLIANCE, Map.of("programId", PROGRAM));
			managerSocket.subscribe("compliance", COMPLIANCE, Map.of("programId", PROGRAM));
			Subscriber summary = new Subscriber(adminSocket, "summary");
			Subscriber adminCompliance = new Subscriber(adminSocket, "compliance");
			Subscriber managerCompliance = new Subscriber(managerSocket, "compliance");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !summary.values().isEmpty() && !adminCompliance.values().isEmpty()
						&& !managerCompliance.values().isEmpty());

			write(admin, "/v1/events", generated.events());
			Set<String> team = generated.contacts()
				.stream()
				.filter(contact -> "team-1".equals(contact.teamId()))
				.map(Contact::contactId)
				.collect(Collectors.toSet());
			DashboardOracle oracle = new DashboardOracle().accept(generated.events());
			DashboardOracle.ProgramSummary expected = oracle.programSummary(PROGRAM);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> summary.values().getLast().path("totalEvents").asLong() == expected.totalEvents());
			JsonNode last = summary.values().getLast();
			assertThat(last.path("activeReps").asLong()).isEqualTo(expected.activeReps());
			assertThat(last.path("quizAccuracy").asDouble()).isCloseTo(expected.quizAccuracy(), within(1e-9));
			assertThat(last.path("lessons").toString())
				.isEqualTo(SecuredApi.JSON.writeValueAsString(expected.lessons()));

			List<String> required = oracle.lessonsSeen(PROGRAM);
			DashboardOracle.Compliance everyone = oracle.compliance(PROGRAM, required);
			DashboardOracle.Compliance teamOnly = oracle.restrictedTo(team).compliance(PROGRAM, required);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(adminCompliance.values().getLast().path("compliant").asLong())
					.as(adminCompliance.values().toString())
					.isEqualTo(everyone.compliant().size());
				assertThat(managerCompliance.values().getLast().path("compliant").asLong())
					.as(managerCompliance.values().toString())
					.isEqualTo(teamOnly.compliant().size());
			});
			assertThat(adminCompliance.values().getLast().path("nonCompliant").asLong())
				.isEqualTo(everyone.nonCompliant().size());
			assertThat(managerCompliance.values().getLast().path("nonCompliant").asLong())
				.isEqualTo(teamOnly.nonCompliant().size());
			assertThat(managerCompliance.values().getLast().path("nonCompliantReps").path("edges"))
				.extracting(edge -> edge.path("node").path("contactId").asString())
				.containsExactlyElementsOf(teamOnly.nonCompliant());
			assertThat(teamOnly.compliant().size() + teamOnly.nonCompliant().size())
				.as("the manager's team is a strict part of the program")
				.isLessThan(everyone.compliant().size() + everyone.nonCompliant().size());
		}
	}

	private void write(String token, String path, List<?> items) {
		HttpResponse<String> response = api.post(path + "?consistency=visible", token, SecuredApi.APPLICATION_JSON,
				SecuredApi.JSON.writeValueAsString(items));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private long evaluations(String tile) {
		Counter counter = api.context()
			.getBean(MeterRegistry.class)
			.find(LiveTiles.EVALUATIONS)
			.tag("tile", tile)
			.counter();
		return counter == null ? 0 : (long) counter.count();
	}

	private record Subscriber(GraphQlSocket socket, String id) {

		/** The answers received, oldest first. */
		List<JsonNode> values() {
			return socket.next(id)
				.stream()
				.map(payload -> payload.path("data").properties().iterator().next().getValue())
				.toList();
		}

	}

}
