package io.rollcall.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.OracleDashboards.RepOrder;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.DashboardOracle;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every dashboard query on a generated tenant of more than 100,000 events, written
 * through the real REST api, stream and indexer, compared field by field with the
 * {@link DashboardOracle}; a second tenant with the same program and lesson ids must
 * never show up. Then again after corrections and a removal, and as a manager.
 */
@DevStackTest
class DashboardIntegrationTests {

	private static final String JSON = "application/json";

	private static final String PROGRAM = OracleDashboards.PROGRAM;

	private static final int BATCH = 5_000;

	private RunningStack stack;

	private OracleDashboards dashboards;

	private DevIssuer issuer;

	private String admin;

	@BeforeEach
	void start(DevStack devStack) {
		issuer = DevIssuer.global();
		// Loading 100,000+ events on a busy 2-core CI machine: a visible write may take
		// longer than the default 10 s.
		stack = RunningStack.start(devStack, issuer, Map.of("rollcall.ingest.visibility-timeout", "60s"));
		dashboards = new OracleDashboards(stack);
		admin = issuer.token("demo-admin", "demo-admin-secret");
	}

	@AfterEach
	void stop() {
		stack.close();
	}

	@Test
	void everyQueryMatchesTheOracleBeforeAndAfterCorrectionsAndRemovals() {
		GeneratedTenant demo = EventGenerator.withSeed(42).reps(1_000).teams(5).lessonsPerProgram(20).generate("demo");
		GeneratedTenant other = EventGenerator.withSeed(43).reps(60).lessonsPerProgram(20).generate("other");
		assertThat(demo.events()).hasSizeGreaterThanOrEqualTo(100_000);
		String otherAdmin = issuer.token("other-admin", "other-admin-secret");
		write(admin, "/v1/contacts", demo.contacts());
		write(admin, "/v1/events", demo.events());
		write(otherAdmin, "/v1/contacts", other.contacts());
		write(otherAdmin, "/v1/events", other.events());
		DashboardOracle oracle = new DashboardOracle().accept(demo.events());
		Map<String, Contact> contacts = demo.contacts()
			.stream()
			.collect(Collectors.toMap(Contact::contactId, contact -> contact));

		// Without a catalog, compliance requires every lesson seen in the program's
		// events.
		dashboards.assertCompliance(admin, null, oracle, oracle.lessonsSeen(PROGRAM), null);
		List<String> catalog = List.of("lesson-3", "lesson-1", "lesson-0", "lesson-7");
		Instant due = Instant.parse("2026-02-01T00:00:00Z");
		HttpResponse<String> put = stack.put("/v1/programs/" + PROGRAM + "?consistency=visible", admin, JSON,
				RunningStack.JSON
					.writeValueAsString(Map.of("name", "Onboarding", "lessonIds", catalog, "dueDate", due.toString())));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

		dashboards.assertEverything(admin, oracle, contacts, catalog, due);
		assertThat(dashboards.contact(admin, other.contacts().get(0).contactId()).isNull()).isTrue();
		assertThat(dashboards.contact(otherAdmin, demo.contacts().get(0).contactId()).isNull()).isTrue();

		// Corrections: quiz answers flipped, completions turned into starts (higher
		// revisions), and a stale lower revision that must not win; then a removal.
		List<InteractionEvent> corrections = new ArrayList<>();
		List<InteractionEvent> quizzes = oracle.events(event -> event.type() == EventType.QUIZ_ANSWERED);
		for (InteractionEvent quiz : quizzes.subList(0, 2_000)) {
			corrections.add(revise(quiz, quiz.type(), !quiz.correct(), 1L));
		}
		List<InteractionEvent> completions = oracle.events(event -> event.type() == EventType.LESSON_COMPLETED);
		for (InteractionEvent completion : completions.subList(0, 500)) {
			corrections.add(revise(completion, EventType.LESSON_STARTED, null, 2L));
		}
		write(admin, "/v1/events", corrections);
		List<InteractionEvent> stale = corrections.subList(0, 100)
			.stream()
			.map(event -> revise(event, event.type(), !event.correct(), 0L))
			.toList();
		write(admin, "/v1/events", stale);
		oracle.accept(corrections).accept(stale);
		String removed = demo.contacts().get(1).contactId(); // team-1, so the manager
																// sees it go
		HttpResponse<String> removal = stack.delete("/v1/contacts/" + removed, admin);
		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
		oracle.remove(removed);
		contacts.remove(removed);

		dashboards.assertEverything(admin, oracle, contacts, catalog, due);
		assertThat(dashboards.contact(admin, removed).isNull()).isTrue();

		// A manager (team-1) sees exactly team-1's reps, in lists and counts alike.
		String manager = issuer.token("demo-manager", "demo-manager-secret");
		Set<String> team1 = teamMembers(contacts, "team-1");
		DashboardOracle team1Oracle = oracle.restrictedTo(team1);
		dashboards.assertRepPages(manager, null, RepOrder.CONTACT_ID_ASC, 200, team1Oracle, contacts);
		dashboards.assertSummary(manager, team1Oracle, catalog);
		dashboards.assertCompliance(manager, null, team1Oracle, catalog, due);
		assertThat(dashboards.quizStats(manager, "lesson-0", null))
			.isEqualTo(OracleDashboards.expectedQuizStats(team1Oracle, "lesson-0"));
		// ... and nothing of a team outside its set, without an error.
		JsonNode outside = dashboards.page(manager, "team-2", RepOrder.CONTACT_ID_ASC, 50, null);
		assertThat(outside.path("totalCount").asLong()).isZero();
		assertThat(outside.path("edges")).isEmpty();
		assertThat(dashboards.contact(manager, demo.contacts().get(2).contactId()).isNull()).isTrue();
		// An admin may ask for one team.
		DashboardOracle team2Oracle = oracle.restrictedTo(teamMembers(contacts, "team-2"));
		dashboards.assertRepPages(admin, "team-2", RepOrder.LESSONS_COMPLETED_DESC, 500, team2Oracle, contacts);
		dashboards.assertCompliance(admin, "team-2", team2Oracle, catalog, due);
	}

	private static Set<String> teamMembers(Map<String, Contact> contacts, String teamId) {
		return contacts.values()
			.stream()
			.filter(contact -> teamId.equals(contact.teamId()))
			.map(Contact::contactId)
			.collect(Collectors.toSet());
	}

	private static InteractionEvent revise(InteractionEvent event, EventType type, Boolean correct, Long revision) {
		return new InteractionEvent(event.eventId(), event.contactId(), event.programId(), event.lessonId(), type,
				event.occurredAt(), event.segment(), type == EventType.QUIZ_ANSWERED ? event.questionId() : null,
				type == EventType.QUIZ_ANSWERED ? correct : null,
				type == EventType.QUIZ_ANSWERED ? (correct ? 100.0 : 0.0) : null, revision, event.attributes());
	}

	private void write(String token, String path, List<?> items) {
		for (int from = 0; from < items.size(); from += BATCH) {
			List<?> batch = items.subList(from, Math.min(items.size(), from + BATCH));
			HttpResponse<String> response = stack.post(path + "?consistency=visible", token, JSON,
					RunningStack.JSON.writeValueAsString(batch));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

}
