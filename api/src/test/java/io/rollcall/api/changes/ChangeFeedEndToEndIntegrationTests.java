package io.rollcall.api.changes;

import static io.rollcall.api.changes.ChangesClient.BEGINNING;
import static io.rollcall.api.changes.ChangesClient.SUBSCRIPTION;
import static io.rollcall.api.changes.ChangesClient.changes;
import static io.rollcall.api.changes.ChangesClient.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The change feed end to end: 10,000 events written through the api, applied and logged
 * by the real indexer, while a CRM listens; the CRM is cut off halfway (its connection
 * closed, or the api instance it was on stopped) and resumes with its last cursor on
 * another api instance. Together it received every event the oracle expects, in log
 * order, none missing and none twice; nothing of a removed rep after its removal; and a
 * manager, meanwhile, only its team's reps.
 */
@DevStackTest
class ChangeFeedEndToEndIntegrationTests {

	private static final String TENANT = "crm";

	private static final int EVENTS = 10_000;

	private static final int BATCH = 500;

	/** The api with the indexer: writes go through it, and a CRM resumes on it. */
	private SecuredApi other;

	/** The api instance the CRM starts on. */
	private SecuredApi first;

	private DevIssuer issuer;

	private GeneratedTenant tenant;

	private List<InteractionEvent> events;

	private String admin;

	@BeforeEach
	void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		other = SecuredApi.start(stack, issuer, true, Map.of());
		first = SecuredApi.start(stack, issuer, Map.of());
		tenant = EventGenerator.withSeed(31).reps(100).teams(4).programs(2).generate(TENANT);
		assertThat(tenant.events()).hasSizeGreaterThanOrEqualTo(EVENTS);
		events = tenant.events().subList(0, EVENTS);
		admin = issuer.sign(issuer.claims(TENANT, "analytics:read events:write contacts:write").build());
		HttpResponse<String> contacts = other.post("/v1/contacts?consistency=visible", admin,
				SecuredApi.APPLICATION_JSON, SecuredApi.JSON.writeValueAsString(tenant.contacts()));
		assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
	}

	@AfterEach
	void stop() {
		first.close();
		other.close();
	}

	@Test
	void aCrmCutOffHalfwayResumesOnAnotherInstanceAndMissesNothing() {
		String removed = events.get(100).contactId();
		String manager = issuer.sign(issuer.claims(TENANT, "analytics:read")
			.claim("role", "manager")
			.claim("team_ids", List.of("team-1"))
			.build());
		List<JsonNode> received = new ArrayList<>();
		GraphQlSocket crm = connect(first, admin);
		try (GraphQlSocket team = connect(other, manager)) {
			crm.subscribe("crm", SUBSCRIPTION, Map.of("after", BEGINNING));
			team.subscribe("team", SUBSCRIPTION, Map.of("after", BEGINNING));
			DashboardOracle oracle = ingest(removed, half -> {
				// Cut off halfway: the connection goes, the CRM keeps its last cursor.
				await().atMost(Duration.ofSeconds(60)).until(() -> eventsApplied(changes(crm, "crm")) >= half / 2);
				received.addAll(changes(crm, "crm"));
				crm.close();
			});
			String resumeAfter = received.getLast().path("cursor").asString();
			try (GraphQlSocket resumed = connect(other, admin)) {
				resumed.subscribe("crm", SUBSCRIPTION, Map.of("after", resumeAfter));
				awaitEverything(received, resumed, oracle);
				received.addAll(changes(resumed, "crm"));
			}
			assertComplete(received, oracle, removed);

			Set<String> teamReps = tenant.contacts()
				.stream()
				.filter(contact -> "team-1".equals(contact.teamId()))
				.map(Contact::contactId)
				.collect(Collectors.toSet());
			DashboardOracle teamOracle = oracle.restrictedTo(teamReps);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> eventIds(changes(team, "team")).containsAll(eventIds(teamOracle)));
			assertThat(changes(team, "team")).as("a manager receives its team's reps only")
				.allSatisfy(change -> assertThat(teamReps).contains(change.path("contactId").asString()));
		}
		finally {
			crm.close();
		}
	}

	@Test
	void whenItsInstanceStopsACrmIsToldWhereToResume() {
		String removed = events.get(100).contactId();
		List<JsonNode> received = new ArrayList<>();
		String[] resumeAfter = new String[1];
		GraphQlSocket crm = connect(first, admin);
		try {
			crm.subscribe("crm", SUBSCRIPTION, Map.of("after", BEGINNING));
			DashboardOracle oracle = ingest(removed, half -> {
				await().atMost(Duration.ofSeconds(60)).until(() -> eventsApplied(changes(crm, "crm")) >= half / 2);
				first.close();
				await().atMost(Duration.ofSeconds(30)).until(() -> crm.ended("crm"));
				received.addAll(changes(crm, "crm"));
				JsonNode error = ChangesClient.error(crm, "crm");
				assertThat(error.path("extensions").path("code").asString()).isEqualTo("SHUTTING_DOWN");
				resumeAfter[0] = error.path("extensions").path("lastCursor").asString();
			});
			assertThat(resumeAfter[0]).as("the last change sent before the error")
				.isEqualTo(received.getLast().path("cursor").asString());
			try (GraphQlSocket resumed = connect(other, admin)) {
				resumed.subscribe("crm", SUBSCRIPTION, Map.of("after", resumeAfter[0]));
				awaitEverything(received, resumed, oracle);
				received.addAll(changes(resumed, "crm"));
			}
			assertComplete(received, oracle, removed);
		}
		finally {
			crm.close();
		}
	}

	/**
	 * Writes the events in batches, accepted (not waiting for visibility): the rep
	 * {@code removed} is removed after the first fifth, and one of its events is sent
	 * again after that (the tombstone drops it); some quiz answers are corrected at the
	 * end, and one correction is sent again with a stale revision. {@code halfway} runs
	 * after half of the batches. Returns the oracle of what was written.
	 */
	private DashboardOracle ingest(String removed, Consumer<Integer> halfway) {
		DashboardOracle oracle = new DashboardOracle();
		List<List<InteractionEvent>> batches = new ArrayList<>();
		for (int from = 0; from < events.size(); from += BATCH) {
			batches.add(events.subList(from, Math.min(events.size(), from + BATCH)));
		}
		List<InteractionEvent> corrections = events.stream()
			.filter(event -> event.type() == EventType.QUIZ_ANSWERED && !event.contactId().equals(removed))
			.limit(20)
			.map(quiz -> revised(quiz, 1L))
			.toList();
		for (int i = 0; i < batches.size(); i++) {
			write("/v1/events", batches.get(i));
			oracle.accept(batches.get(i));
			if (i == batches.size() / 5) {
				HttpResponse<String> removal = other.delete("/v1/contacts/" + removed, admin);
				assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
				oracle.remove(removed);
				InteractionEvent late = events.stream()
					.filter(event -> event.contactId().equals(removed))
					.findFirst()
					.orElseThrow();
				write("/v1/events", List.of(late));
				oracle.accept(List.of(late));
			}
			if (i == batches.size() / 2) {
				halfway.accept(EVENTS);
			}
		}
		write("/v1/events", corrections);
		write("/v1/events", List.of(revised(corrections.getFirst(), 0L)));
		oracle.accept(corrections);
		return oracle;
	}

	/**
	 * Waits until {@code before} and what {@code socket} received since hold every event
	 * of {@code oracle} at its revision.
	 */
	private static void awaitEverything(List<JsonNode> before, GraphQlSocket socket, DashboardOracle oracle) {
		Map<String, Long> expected = revisions(oracle);
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			Map<String, Long> seen = new HashMap<>();
			Stream.concat(before.stream(), changes(socket, "crm").stream())
				.filter(change -> "EVENT_APPLIED".equals(change.path("kind").asString()))
				.forEach(change -> seen.put(change.path("event").path("eventId").asString(),
						change.path("event").path("revision").asLong()));
			Map<String, Long> missing = new HashMap<>(expected);
			missing.entrySet().removeAll(seen.entrySet());
			assertThat(missing)
				.as("%d changes received, errors %s, closed %s", changes(socket, "crm").size(), socket.errors("crm"),
						socket.closeCode())
				.isEmpty();
		});
	}

	private void assertComplete(List<JsonNode> received, DashboardOracle oracle, String removed) {
		List<String> cursors = ChangesClient.streamIds(received);
		Set<String> distinct = new HashSet<>(cursors);
		assertThat(cursors.size() - distinct.size()).as("changes received twice around the cut").isZero();
		for (int i = 1; i < cursors.size(); i++) {
			assertThat(ChangeCursor.compare(cursors.get(i - 1), cursors.get(i))).as("log order at %d", i).isNegative();
		}
		Map<String, Long> last = new HashMap<>();
		for (JsonNode change : received) {
			if ("EVENT_APPLIED".equals(change.path("kind").asString())) {
				String eventId = change.path("event").path("eventId").asString();
				long revision = change.path("event").path("revision").asLong();
				assertThat(last.getOrDefault(eventId, -1L)).as("a correction only ever raises %s's revision", eventId)
					.isLessThan(revision);
				last.put(eventId, revision);
			}
		}
		Map<String, Long> expected = revisions(oracle);
		last.keySet().removeIf(eventId -> !expected.containsKey(eventId));
		assertThat(last).as("every event the oracle expects, at its revision").isEqualTo(expected);

		int removal = -1;
		for (int i = 0; i < received.size(); i++) {
			JsonNode change = received.get(i);
			if (change.path("contactId").asString().equals(removed)) {
				assertThat(removal).as("nothing of %s after its removal", removed).isEqualTo(-1);
				if ("CONTACT_REMOVED".equals(change.path("kind").asString())) {
					removal = i;
				}
			}
		}
		assertThat(removal).as("the removal is logged").isNotNegative();
	}

	private static Map<String, Long> revisions(DashboardOracle oracle) {
		return oracle.events(event -> true)
			.stream()
			.collect(Collectors.toMap(InteractionEvent::eventId, InteractionEvent::effectiveRevision));
	}

	private static Set<String> eventIds(DashboardOracle oracle) {
		return revisions(oracle).keySet();
	}

	private static Set<String> eventIds(List<JsonNode> changes) {
		return changes.stream()
			.filter(change -> "EVENT_APPLIED".equals(change.path("kind").asString()))
			.map(change -> change.path("event").path("eventId").asString())
			.collect(Collectors.toSet());
	}

	private static long eventsApplied(List<JsonNode> changes) {
		return changes.stream().filter(change -> "EVENT_APPLIED".equals(change.path("kind").asString())).count();
	}

	private static InteractionEvent revised(InteractionEvent quiz, long revision) {
		boolean correct = !Boolean.TRUE.equals(quiz.correct());
		return new InteractionEvent(quiz.eventId(), quiz.contactId(), quiz.programId(), quiz.lessonId(), quiz.type(),
				quiz.occurredAt(), quiz.segment(), quiz.questionId(), correct, correct ? 100.0 : 0.0, revision,
				quiz.attributes());
	}

	private void write(String path, List<?> items) {
		HttpResponse<String> response = other.post(path, admin, SecuredApi.APPLICATION_JSON,
				SecuredApi.JSON.writeValueAsString(items));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
	}

}
