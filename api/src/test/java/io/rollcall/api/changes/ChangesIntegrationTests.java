package io.rollcall.api.changes;

import static io.rollcall.api.changes.ChangeLogFixture.compliance;
import static io.rollcall.api.changes.ChangesClient.BEGINNING;
import static io.rollcall.api.changes.ChangesClient.PAGE;
import static io.rollcall.api.changes.ChangesClient.SUBSCRIPTION;
import static io.rollcall.api.changes.ChangesClient.changes;
import static io.rollcall.api.changes.ChangesClient.connect;
import static io.rollcall.api.changes.ChangesClient.error;
import static io.rollcall.api.changes.ChangesClient.failed;
import static io.rollcall.api.changes.ChangesClient.page;
import static io.rollcall.api.changes.ChangesClient.streamIds;
import static io.rollcall.api.changes.ChangeLogFixture.event;
import static io.rollcall.api.changes.ChangeLogFixture.progress;
import static io.rollcall.api.changes.ChangeLogFixture.removal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code changes} subscription and query against a change log written as the indexer
 * writes it, over a real WebSocket with real tokens: replay from a cursor joined to the
 * live stream without gap or duplicate, filters, a manager's scope, tenants kept apart,
 * expired and malformed cursors, and the query paging the same entries in the same order.
 */
@DevStackTest
class ChangesIntegrationTests {

	private static final AtomicInteger TENANTS = new AtomicInteger();

	private static SecuredApi api;

	private static DevIssuer issuer;

	private ChangeLogFixture log;

	private String tenant;

	@BeforeAll
	static void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		// The indexer applies contacts (a manager's scope is their teams' contacts); a
		// page
		// reads at most 700 entries, to see pages stop on that bound.
		api = SecuredApi.start(stack, issuer, true, Map.of("rollcall.changes.max-scan", "700"));
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@BeforeEach
	void open(DevStack stack) {
		log = new ChangeLogFixture(stack);
		tenant = "feed-" + TENANTS.incrementAndGet();
	}

	@AfterEach
	void close() {
		log.close();
	}

	@Test
	void aReplayJoinsTheLiveLogWithNeitherGapNorDuplicate() {
		List<String> ids = new ArrayList<>(log.append(tenant, events("old", 2_500)));
		String after = ids.get(99);
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", ChangeCursor.encode(after)));
			// Written while the replay runs (three pages of 1,000) and after it: some
			// land
			// before the reader's position, some after, whichever the timing.
			for (int i = 0; i < 5; i++) {
				ids.addAll(log.append(tenant, events("new" + i, 100)));
			}

			List<String> expected = ids.subList(100, ids.size());
			await().atMost(Duration.ofSeconds(60)).until(() -> changes(socket, "1").size() >= expected.size());
			assertThat(streamIds(changes(socket, "1"))).as("every change after the cursor, once, in log order")
				.containsExactlyElementsOf(expected);
			ids.addAll(log.append(tenant, events("live", 3)));
			await().atMost(Duration.ofSeconds(30)).until(() -> changes(socket, "1").size() == ids.size() - 100);
			assertThat(streamIds(changes(socket, "1"))).containsExactlyElementsOf(ids.subList(100, ids.size()));
		}
	}

	@Test
	void aChangeCarriesEveryFieldOfItsKind() {
		log.append(tenant, List.of(event("e-1", "rep-1", "p-1"), progress("rep-1", "p-1", 3),
				compliance("rep-1", "p-1"), removal("rep-1")));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING));

			await().atMost(Duration.ofSeconds(30)).until(() -> changes(socket, "1").size() == 4);
			List<JsonNode> changes = changes(socket, "1");
			assertThat(changes.get(0).path("kind").asString()).isEqualTo("EVENT_APPLIED");
			assertThat(changes.get(0).path("appliedAt").asString()).isEqualTo("2026-11-20T09:00:00Z");
			assertThat(changes.get(0).path("event").toString()).isEqualTo("""
					{"eventId":"e-1","type":"QUIZ_ANSWERED","lessonId":"l-1","occurredAt":"2026-11-20T08:59:00Z",\
					"revision":2,"segment":null,"questionId":"q-1","correct":true,"score":87.5}""");
			assertThat(changes.get(1).path("progress").toString()).isEqualTo("""
					{"lessonsCompleted":3,"lastActivityAt":"2026-11-20T08:59:00Z","quizAccuracy":0.5,\
					"complianceStatus":"NON_COMPLIANT"}""");
			assertThat(changes.get(2).path("compliance").toString())
				.isEqualTo("{\"from\":\"NON_COMPLIANT\",\"to\":\"COMPLIANT\"}");
			JsonNode removed = changes.get(3);
			assertThat(removed.path("kind").asString()).isEqualTo("CONTACT_REMOVED");
			assertThat(removed.path("contactId").asString()).isEqualTo("rep-1");
			assertThat(removed.path("programId").isNull()).isTrue();
			assertThat(removed.path("event").isNull()).isTrue();
		}
	}

	@Test
	void withoutACursorOnlyWhatIsAppendedAfterTheSubscriptionArrives() {
		List<String> before = log.append(tenant, events("before", 20));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION);
			List<String> after = new ArrayList<>();
			// The subscription joins the reader when it starts: append until it is live.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
				after.addAll(log.append(tenant, events("after" + after.size(), 1)));
				return !changes(socket, "1").isEmpty();
			});

			List<String> received = streamIds(changes(socket, "1"));
			assertThat(received).doesNotContainAnyElementsOf(before).isSubsetOf(after);
			assertThat(after.subList(after.indexOf(received.getFirst()), after.size()))
				.as("from its first change on, nothing is missed")
				.startsWith(received.toArray(String[]::new));
		}
	}

	@Test
	void filtersKeepTheirKindsProgramAndRep() {
		List<Change> changes = List.of(event("e-1", "rep-1", "p-1"), progress("rep-1", "p-1", 1),
				event("e-2", "rep-2", "p-2"), progress("rep-2", "p-2", 1), compliance("rep-2", "p-2"),
				event("e-3", "rep-1", "p-2"), removal("rep-2"), progress("rep-1", "p-1", 2));
		List<String> ids = log.append(tenant, changes);
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("kinds", SUBSCRIPTION, Map.of("after", BEGINNING, "kinds", List.of("PROGRESS_CHANGED")));
			socket.subscribe("program", SUBSCRIPTION, Map.of("after", BEGINNING, "programId", "p-1"));
			socket.subscribe("rep", SUBSCRIPTION, Map.of("after", BEGINNING, "contactId", "rep-2", "kinds",
					List.of("EVENT_APPLIED", "CONTACT_REMOVED")));
			// One last change for each filter only: once each has it, each has read the
			// whole log.
			List<String> last = log.append(tenant,
					List.of(progress("rep-8", "p-8", 1), event("m-2", "rep-8", "p-1"), event("m-3", "rep-2", "p-8")));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> streamIds(changes(socket, "kinds")).contains(last.get(0))
						&& streamIds(changes(socket, "program")).contains(last.get(1))
						&& streamIds(changes(socket, "rep")).contains(last.get(2)));
			assertThat(streamIds(changes(socket, "kinds"))).containsExactly(ids.get(1), ids.get(3), ids.get(7),
					last.get(0));
			assertThat(streamIds(changes(socket, "program"))).as("p-1, and every removal")
				.containsExactly(ids.get(0), ids.get(1), ids.get(6), ids.get(7), last.get(1));
			assertThat(streamIds(changes(socket, "rep"))).containsExactly(ids.get(2), ids.get(6), last.get(2));
		}
	}

	@Test
	void anotherTenantsChangesNeverArrive() {
		String other = tenant + "-other";
		List<String> mine = log.append(tenant, events("mine", 5));
		log.append(other, events("theirs", 5));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING));
			List<String> live = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
				log.append(other, events("theirs-live" + live.size(), 1));
				live.addAll(log.append(tenant, events("mine-live" + live.size(), 1)));
				return streamIds(changes(socket, "1")).contains(live.getFirst());
			});

			assertThat(changes(socket, "1"))
				.allSatisfy(change -> assertThat(change.path("event").path("eventId").asString()).startsWith("mine"));
			assertThat(streamIds(changes(socket, "1"))).startsWith(mine.toArray(String[]::new));
		}
		assertThat(page(api, token(tenant), Map.of("first", 100)).path("edges")).allSatisfy(
				edge -> assertThat(edge.path("node").path("event").path("eventId").asString()).startsWith("mine"));
	}

	@Test
	void aCursorOlderThanTheLogKeepsIsExpiredNeverASilentGap() {
		List<String> ids = log.append(tenant, events("e", 10));
		log.expireUpTo(tenant, ids.get(4));
		String oldest = ChangeCursor.encode(ids.get(4));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("expired", SUBSCRIPTION, Map.of("after", ChangeCursor.encode(ids.get(1))));
			socket.subscribe("kept", SUBSCRIPTION, Map.of("after", oldest));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> failed(socket, "expired") && changes(socket, "kept").size() == 5);
			JsonNode error = error(socket, "expired");
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("CURSOR_EXPIRED");
			assertThat(error.path("extensions").path("oldestCursor").asString()).isEqualTo(oldest);
			assertThat(changes(socket, "expired")).isEmpty();
			assertThat(streamIds(changes(socket, "kept"))).containsExactlyElementsOf(ids.subList(5, 10));
		}
		JsonNode expired = api.graphQlBody(token(tenant), PAGE, Map.of("after", ChangeCursor.encode(ids.get(1))));
		assertThat(SecuredApi.code(expired)).isEqualTo("CURSOR_EXPIRED");
		assertThat(expired.path("errors").path(0).path("extensions").path("oldestCursor").asString()).isEqualTo(oldest);
		assertThat(page(api, token(tenant), Map.of()).path("edges")).as("without a cursor: from the oldest kept")
			.extracting(edge -> ChangeCursor.decode(edge.path("cursor").asString()))
			.containsExactlyElementsOf(ids.subList(5, 10));
	}

	@Test
	void aMalformedArgumentIsBadUserInputNamingIt() {
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("cursor", SUBSCRIPTION, Map.of("after", "garbage"));
			socket.subscribe("program", SUBSCRIPTION, Map.of("programId", "not an id!"));
			socket.subscribe("kinds", SUBSCRIPTION, Map.of("kinds", List.of()));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> failed(socket, "cursor") && failed(socket, "program") && failed(socket, "kinds"));
			assertThat(List.of("cursor", "program", "kinds")).allSatisfy(id -> {
				JsonNode error = error(socket, id);
				assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
				assertThat(error.toString()).doesNotContain("Exception", "io.rollcall");
			});
			assertThat(error(socket, "cursor").path("extensions").path("argument").asString()).isEqualTo("after");
			assertThat(error(socket, "program").path("extensions").path("argument").asString()).isEqualTo("programId");
			assertThat(socket.closeCode()).isNull();
		}
		for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("after", "garbage"), Map.of("first", 0),
				Map.of("first", 1_001), Map.of("contactId", "not an id!"))) {
			JsonNode refused = api.graphQlBody(token(tenant), PAGE, bad);
			assertThat(SecuredApi.code(refused)).as(bad.toString()).isEqualTo("BAD_USER_INPUT");
			assertThat(refused.path("errors").path(0).path("extensions").path("argument").asString())
				.isEqualTo(bad.keySet().iterator().next());
		}
	}

	@Test
	void theQueryPagesTheSameChangesInTheSameOrderAsTheSubscription() {
		List<Change> changes = new ArrayList<>();
		IntStream.range(0, 2_000)
			.forEach(i -> changes.add(i % 3 == 0 ? progress("rep-" + i % 7, "p-" + i % 4, i)
					: event("e-" + i, "rep-" + i % 7, "p-" + i % 4)));
		List<String> ids = log.append(tenant, changes);
		List<String> programTwo = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (changes.get(i).programId().equals("p-2")) {
				programTwo.add(ids.get(i));
			}
		}

		assertThat(pageThrough(Map.of("first", 1_000))).as("unfiltered: pages of at most 700 scanned entries")
			.containsExactlyElementsOf(ids);
		assertThat(pageThrough(Map.of("first", 30, "programId", "p-2"))).containsExactlyElementsOf(programTwo);
		JsonNode filtered = page(api, token(tenant), Map.of("first", 1_000, "programId", "p-2"));
		assertThat(filtered.path("edges")).hasSize(175);
		assertThat(filtered.path("pageInfo").path("endCursor").asString())
			.as("a filtered page says where it stopped scanning, past its last edge")
			.isEqualTo(ChangeCursor.encode(ids.get(699)));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING, "programId", "p-2"));
			await().atMost(Duration.ofSeconds(30)).until(() -> changes(socket, "1").size() == programTwo.size());
			assertThat(streamIds(changes(socket, "1"))).containsExactlyElementsOf(programTwo);
		}
	}

	/** Pages through the log with {@code arguments} until it ends; the cursors seen. */
	private List<String> pageThrough(Map<String, Object> arguments) {
		List<String> cursors = new ArrayList<>();
		Map<String, Object> variables = new HashMap<>(arguments);
		JsonNode page;
		do {
			page = page(api, token(tenant), variables);
			page.path("edges").forEach(edge -> {
				assertThat(edge.path("cursor").asString()).isEqualTo(edge.path("node").path("cursor").asString());
				cursors.add(ChangeCursor.decode(edge.path("cursor").asString()));
			});
			variables.put("after", page.path("pageInfo").path("endCursor").asString());
		}
		while (page.path("pageInfo").path("hasNextPage").asBoolean());
		return cursors;
	}

	private static List<Change> events(String prefix, int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> event(prefix + "-" + i, "rep-" + (i % 13), "p-" + (i % 3)))
			.toList();
	}

	private static String token(String tenantId) {
		return token(tenantId, "analytics:read");
	}

	private static String token(String tenantId, String scope) {
		return issuer.sign(issuer.claims(tenantId, scope).build());
	}

}
